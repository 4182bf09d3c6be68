// Types of wxcard/testing (build.mjs copies this file to testing.d.cts).
import type { Diagnostic, Options } from './index.js';

export interface MockOptions extends Options {
  /** addCard answers addCard:fail cancel, as when the user closes the card page. */
  cancel?: boolean;
}

export interface MockCall {
  api: 'addCard' | 'openCard';
  /** The call's options without its callbacks. */
  payload: unknown;
  diagnostics: Diagnostic[];
  /** What the fake answered (success or fail res). */
  answer: { errMsg: string; cardList?: Array<{ cardId: string; cardExt: string; code: string; isSuccess: boolean }> };
}

export interface CardApisMock {
  readonly calls: MockCall[];
  /** Puts the original addCard and openCard back. */
  restore(): void;
}

/**
 * Replaces wx.addCard and wx.openCard on the given object with fakes that check each
 * payload with the core and answer as WeChat would: addCard:ok with 44-character
 * encrypted-looking codes, or addCard:fail with the detail WeChat documents for the
 * first error (签名错误, 参数错误, 已领完), else "wxcard <code>". Needs await init() from 'wxcard'.
 */
export function mockCardApis(wx: object, options?: MockOptions): CardApisMock;

/** The fail detail the mock gives for an output with an error. */
export function failDetail(out: { diagnostics: Diagnostic[] }): string;
/** The deterministic encrypted-looking code the mock's addCard returns. */
export function fakeEncryptedCode(cardId: string, cardExt: unknown, index: number): string;
