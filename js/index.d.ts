// Type declarations for the `wxcard` package: every entry (Node ESM, CommonJS, browser, mini
// program) has this API; build.mjs copies this file to index.d.cts for require().

/** Every operation of the core, by the name all runtimes use. */
export type Op =
  | 'validateCardList'
  | 'buildAddCard'
  | 'buildOpenCard'
  | 'parseAddCardResult'
  | 'parseActivateUrl'
  | 'validateMemberCardLaunch'
  | 'parseReferrerInfo'
  | 'lint';

export type Severity = 'error' | 'warning' | 'info';

/** One finding. offset/length/line/column are present only when the payload was text. */
export interface Diagnostic {
  /** Stable kebab-case rule id, e.g. "nonce-too-long". */
  code: string;
  severity: Severity;
  /** RFC 6901 pointer into the payload; continues into a decoded cardExt string. */
  path: string;
  /** In options.locale. */
  message: string;
  /** UTF-8 byte offset in the input text. */
  offset?: number;
  /** UTF-8 byte length of the span. */
  length?: number;
  /** 1-based line. */
  line?: number;
  /** 1-based column in UTF-16 code units. */
  column?: number;
  /** lint only: the file the diagnostic is in. */
  file?: string;
}

/** What an operation without a result returns. ok is false exactly when an error diagnostic is present. */
export interface Verdict {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** lint with options.format: the formatted report. */
  output?: string;
}
/** An operation's output when no error was found: the result is there. */
export interface Success<R> {
  ok: true;
  diagnostics: Diagnostic[];
  result: R;
  output?: string;
}
/** An operation's output with an error diagnostic: builders give no result; parsers may still describe what they read. */
export interface Failure<R> {
  ok: false;
  diagnostics: Diagnostic[];
  result?: R;
  output?: string;
}
/**
 * What every operation returns: a union on ok, so `if (out.ok) wx.addCard(out.result)`
 * type-checks. Output<never> is an operation without a result.
 */
export type Output<R = unknown> = [R] extends [never] ? Verdict : Success<R> | Failure<R>;

/** A card definition: the facts rules need, or WeChat's raw card/get response. */
export interface CardDef {
  use_custom_code?: boolean;
  get_custom_code_mode?: string;
  bind_openid?: boolean;
  date_type?: string;
}
export interface CardGetResponse {
  card: { card_type: string; [type: string]: unknown };
  [key: string]: unknown;
}

export interface Options {
  /** Message language; default "en". */
  locale?: 'en' | 'zh-CN';
  /** Card definitions keyed by cardId. */
  cards?: Record<string, CardDef | CardGetResponse>;
  /** Unix seconds; enables time checks. */
  now?: number;
  /** Default 7200. */
  maxSkewSeconds?: number;
  /** parseReferrerInfo only: activate_tickets already handled (the dev guard passes them); a repeat gets activate-ticket-reused. */
  seenActivateTickets?: string[];
}
export interface LintOptions extends Options {
  format?: 'text' | 'json' | 'sarif' | 'github';
  /**
   * ANSI colours in the text report (as ESLint's stylish format): on, off, or the terminal's facts for the
   * core to decide (NO_COLOR off, FORCE_COLOR on unless "0"/"false", else tty).
   */
  color?: boolean | { tty?: boolean; NO_COLOR?: string; FORCE_COLOR?: string };
}

/** The request envelope every operation takes. */
export interface CallRequest<P = unknown> {
  payload: P;
  options?: Options | LintOptions;
}

/** The cardExt object (before it is serialized to the string wx.addCard wants). */
export interface CardExt {
  code?: string;
  openid?: string;
  timestamp: number | string;
  nonce_str?: string;
  fixed_begintimestamp?: number;
  outer_str?: string;
  signature: string;
}

/** One wx.addCard cardList entry: cardExt is a JSON string. Assignable to WechatMiniprogram.AddCardRequestInfo. */
export interface AddCardItem {
  cardId: string;
  cardExt: string;
}
/** wx.addCard options. Assignable to WechatMiniprogram.AddCardOption. */
export interface AddCardOptions {
  cardList: AddCardItem[];
}
/**
 * A WeChat Pay merchant coupon's (商家券) cardExt: cardId is then the stock_id. The batch's first
 * coupon carries send_coupon_merchant and sign (HMAC-SHA256 made on the server: `wxcard sign --coupon`).
 */
export interface CouponExt {
  out_request_no: string;
  coupon_code?: string;
  /** RFC 3339 with an offset, e.g. 2021-01-01T12:00:00+08:00. */
  customize_send_time?: string;
  send_coupon_merchant?: string;
  sign?: string;
  openid?: string;
}
/** buildAddCard's payload: cardExt still an object (or a string already signed, passed through after checking). */
export interface AddCardDraft {
  cardList: Array<{ cardId: string; cardExt: CardExt | CouponExt | string }>;
}
/** One wx.openCard cardList entry with a decrypted code. Assignable to WechatMiniprogram.OpenCardRequestInfo. */
export interface OpenCardItem {
  cardId: string;
  code: string;
}
/** wx.openCard options. Assignable to WechatMiniprogram.OpenCardOption. */
export interface OpenCardOptions {
  cardList: OpenCardItem[];
}

/** The res an addCard callback received (success or fail). */
export interface AddCardCallbackResult {
  errMsg: string;
  /** The JS-SDK hands cardList over as JSON text, and isSuccess as "true"/"false": both are read. */
  cardList?: Array<{ cardId: string; cardExt?: string; code: string; isSuccess: boolean | 'true' | 'false' }> | string;
  [key: string]: unknown;
}
export interface AddCardResult {
  status: 'ok' | 'cancel' | 'fail';
  detail: string;
  cards: Array<{ cardId: string; code: string; isSuccess: boolean }>;
}

export interface MemberCardExtraData {
  encrypt_card_id: string;
  outer_str: string;
  biz: string;
}
/** Options for navigateToMiniProgram / <navigator target="miniProgram"> to the activation component. */
export interface MemberCardLaunch {
  appId: 'wxeb490c6f9b154ef9' | string;
  extraData: MemberCardExtraData;
}

/** The options App.onShow received (only referrerInfo is read). */
export interface ShowOptions {
  /** extraData "<Undefined>", "undefined" or "" (as some base libraries give it) counts as absent. */
  referrerInfo?: { appId?: string; extraData?: Record<string, unknown> | string };
  [key: string]: unknown;
}
export interface ReferrerInfo {
  state: 'activated' | 'not-activated' | 'other-app' | 'none';
  activate_ticket?: string;
  card_id?: string;
  code?: string;
}

export interface LintFile {
  path: string;
  content: string;
  /** Named by the user (on the command line), not found in a folder: never skipped silently. */
  explicit?: boolean;
  /** The file's size, when the host did not read a file over 1 MiB (content is then ""). */
  size?: number;
  /** What the host found instead of a file and did not open (content ""). */
  special?: 'fifo' | 'device' | 'socket' | 'directory';
}
export interface LintPayload {
  files: LintFile[];
}

// Global types the package mentions resolve only where the project's libs
// declare them (DOM or @types/node), so the declarations need neither.
type Global = typeof globalThis;
/** A compiled WebAssembly.Module. */
export type CompiledModule = Global extends { WebAssembly: { Module: new (...a: any[]) => infer M } } ? M : never;
type URLLike = Global extends { URL: new (...a: any[]) => infer U } ? U : never;
/** A fetch Response or anything with arrayBuffer(). */
export interface ResponseLike {
  arrayBuffer(): PromiseLike<ArrayBuffer>;
  ok?: boolean;
  status?: number;
}
type SourceValue = ArrayBuffer | ArrayBufferView | CompiledModule | URLLike | string | ResponseLike;
/** Where the wasm comes from. Strings and URLs are fetched in browsers and read from disk in Node. */
export type WasmSource = SourceValue | PromiseLike<SourceValue>;

/** An instantiate function such as WXWebAssembly.instantiate: resolves to an instance or {instance, module}. */
export type InstantiateFunction = (
  bytesOrPath: any,
  imports: Record<string, Record<string, Function>>,
) => PromiseLike<{ instance: { exports: any }; module?: unknown } | { exports: any }>;

export interface InitOptions {
  wasm?: WasmSource;
  instantiate?: InstantiateFunction;
}

/**
 * Loads and instantiates the module. Idempotent: every call before and after
 * success returns the same promise; after a failure it may be called again.
 * Node default: wxcard.wasm next to the package (then ../wasm/wxcard.wasm);
 * browser default: wxcard.wasm next to the module, fetched; mini program
 * default: WXWebAssembly.instantiate('/miniprogram_npm/wxcard/wxcard.wasm.br').
 */
export function init(source?: WasmSource | InitOptions): Promise<void>;
/**
 * Loads the module synchronously, for callers that cannot wait (ESLint rules). Node: the default
 * file, a path, a file: URL or the bytes (reading a file needs Node ≥ 20.16); elsewhere the bytes or a
 * WebAssembly.Module. Browsers allow it only for small modules off the main thread; mini programs not at all.
 */
export function initSync(source?: string | URLLike | ArrayBuffer | ArrayBufferView | CompiledModule): void;
export function isInitialized(): boolean;

/** Input: the request object, its JSON text, or its bytes. */
export type Input = CallRequest | string | ArrayBuffer | ArrayBufferView;

/** Runs an operation synchronously. Throws WxcardError before init or on a trap, RangeError over 16 MiB. */
export function call<R = unknown>(op: Op | (string & {}), input: Input): Output<R>;
/** The exact output bytes. */
export function callRaw(op: Op | (string & {}) | Uint8Array, input: Input): Uint8Array;
/** The exact output text. */
export function callRawText(op: Op | (string & {}) | Uint8Array, input: Input): string;

/** A JSON string payload is JSON text to parse (positions then refer to it). */
export function validateCardList(payload: unknown /* AddCardOptions or its JSON text */, options?: Options): Output<never>;
export function buildAddCard(payload: AddCardDraft | string, options?: Options): Output<AddCardOptions>;
export function buildOpenCard(payload: OpenCardOptions | string, options?: Options): Output<OpenCardOptions>;
export function parseAddCardResult(payload: unknown /* AddCardCallbackResult or its JSON text */, options?: Options): Output<AddCardResult>;
/** payload: the activation URL. */
export function parseActivateUrl(payload: string, options?: Options): Output<MemberCardLaunch>;
export function validateMemberCardLaunch(payload: unknown /* MemberCardLaunch or its JSON text */, options?: Options): Output<never>;
export function parseReferrerInfo(payload: unknown /* ShowOptions or its JSON text */, options?: Options): Output<ReferrerInfo>;
export function lint(payload: LintPayload | string, options?: LintOptions): Output<never>;

/** What the guard reports for one call (or one App.onShow). */
export interface GuardReport {
  /** addCard, openCard, navigateToMiniProgram, or "onShow referrerInfo". */
  api: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** What the core checked: the call's options without its callbacks. */
  payload: unknown;
  /** true when block stopped the call. */
  blocked?: boolean;
}

export interface GuardOptions {
  /** Default: from the system language (zh… → zh-CN, else en). */
  locale?: 'en' | 'zh-CN';
  cards?: Record<string, CardDef | CardGetResponse>;
  /** Unix seconds, or a function giving them; default: the clock. */
  now?: number | (() => number);
  /** Do not send a call with an error to WeChat; fail/complete get { errMsg: "<api>:fail wxcard <code>: <message>" }. Default false. */
  block?: boolean;
  /** Default: one console.error (errors) or console.warn per call. */
  onReport?: (report: GuardReport) => void;
  /** Wrap even in a release build. Default false. */
  force?: boolean;
}

export interface GuardHandle {
  /** false in a release build without force: nothing is wrapped, checkReferrer reports nothing. */
  readonly active: boolean;
  readonly locale: 'en' | 'zh-CN';
  /**
   * parseReferrerInfo on App.onShow's options, with activate-ticket-reused for a ticket this
   * handle already saw; null (and one console warning) before init() has finished.
   */
  checkReferrer(showOptions: ShowOptions | Record<string, unknown>): Output<ReferrerInfo> | null;
  /** Puts the original wx functions back. */
  unguard(): void;
}

/**
 * The dev guard: wraps wx.addCard, wx.openCard and wx.navigateToMiniProgram (to
 * wxeb490c6f9b154ef9 only) so each payload is checked before WeChat sees it. Calls
 * made before init() has finished pass through unchecked (one console warning says so).
 */
export function guard(wx: object, options?: GuardOptions): GuardHandle;

export interface Wxcard {
  init: typeof init;
  initSync: typeof initSync;
  guard: typeof guard;
  isInitialized: typeof isInitialized;
  call: typeof call;
  callRaw: typeof callRaw;
  callRawText: typeof callRawText;
  validateCardList: typeof validateCardList;
  buildAddCard: typeof buildAddCard;
  buildOpenCard: typeof buildOpenCard;
  parseAddCardResult: typeof parseAddCardResult;
  parseActivateUrl: typeof parseActivateUrl;
  validateMemberCardLaunch: typeof validateMemberCardLaunch;
  parseReferrerInfo: typeof parseReferrerInfo;
  lint: typeof lint;
}
/** An independent engine with its own instance and state. */
export function createWxcard(): Wxcard;

export class WxcardError extends Error {
  name: 'WxcardError';
}
/** 16 MiB: larger inputs are refused before they enter the module. */
export const MAX_INPUT_BYTES: number;
export const ABI_VERSION: number;
export const OPS: readonly Op[];
