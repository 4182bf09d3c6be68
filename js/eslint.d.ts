/** wxcard/eslint: an ESLint (≥ 9, flat config) plugin for wx/uni/Taro card API calls in mini program sources. */
import type { ESLint, Linter, Rule } from 'eslint';

export interface RuleOptions {
  /** Message language; default "en". */
  locale?: 'en' | 'zh-CN';
  /** wxcard/payload only: also report the core's info diagnostics. */
  info?: boolean;
}
export declare const rules: Record<'payload' | 'cardext-string' | 'timestamp-seconds' | 'opencard-decrypted' | 'no-client-secret', Rule.RuleModule>;
export declare const configs: { recommended: Linter.Config };
declare const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config } };
export default plugin;
