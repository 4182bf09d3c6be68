// Compiled with tsc --noEmit by types.test.js: the package's payload types
// must be assignable to miniprogram-api-typings' wx.addCard / wx.openCard
// options, and the @ts-expect-error lines must stay errors.
import {
  init,
  buildAddCard,
  buildOpenCard,
  validateCardList,
  parseActivateUrl,
  callRaw,
  callRawText,
  type AddCardOptions,
  type AddCardItem,
  type OpenCardOptions,
  type OpenCardItem,
  type Output,
} from 'wxcard';

export async function addCards(): Promise<void> {
  await init({ instantiate: WXWebAssembly.instantiate, wasm: '/miniprogram_npm/wxcard/wxcard.wasm.br' });
  const built: Output<AddCardOptions> = buildAddCard({
    cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: { timestamp: 1700000000, signature: 'a'.repeat(40) } }],
  });
  if (!built.ok || !built.result) return;
  const add: WechatMiniprogram.AddCardOption = built.result;
  const withCallbacks: WechatMiniprogram.AddCardOption = { ...built.result, success: () => undefined };
  const item: WechatMiniprogram.AddCardRequestInfo = built.result.cardList[0] as AddCardItem;
  wx.addCard(add);
  void withCallbacks;
  void item;
}

// The output is a union on ok: a success carries its result, no check of result needed.
export function addChecked(draft: Parameters<typeof buildAddCard>[0]): void {
  const out = buildAddCard(draft);
  if (out.ok) wx.addCard(out.result);
  // @ts-expect-error without the ok check, result may be undefined
  else wx.addCard(out.result);
}

export function openCards(list: OpenCardOptions): void {
  const out = buildOpenCard(list);
  if (!out.result) return;
  const open: WechatMiniprogram.OpenCardOption = out.result;
  const item: WechatMiniprogram.OpenCardRequestInfo = out.result.cardList[0] as OpenCardItem;
  wx.openCard(open);
  void item;
}

export function launch(url: string): void {
  const r = parseActivateUrl(url).result;
  if (r) wx.navigateToMiniProgram({ appId: r.appId, extraData: r.extraData });
}

// @ts-expect-error cardExt must be a JSON string, not an object
export const badItem: AddCardOptions = { cardList: [{ cardId: 'p', cardExt: { code: '1' } }] };

// @ts-expect-error an operation returns its output envelope, not wx.addCard options
export const notOptions: WechatMiniprogram.AddCardOption = validateCardList({ cardList: [] });

// @ts-expect-error openCard needs a code
export const noCode: OpenCardOptions = { cardList: [{ cardId: 'p' }] };

// Raw calls take any op name (unknown ones get request-invalid from the core).
export const raw: Uint8Array = callRaw('noSuchOp', '{"payload":{},"options":{}}');
export const text: string = callRawText('lint', new Uint8Array(0));

// The dev guard and the test mock, typed.
import { guard, type GuardReport } from 'wxcard';
import { mockCardApis } from 'wxcard/testing';

export function devTools(): void {
  const g = guard(wx, { block: true, now: () => Math.floor(Date.now() / 1000), onReport: (r: GuardReport) => void r.diagnostics });
  const back = g.checkReferrer({ referrerInfo: { appId: 'wxeb490c6f9b154ef9', extraData: {} } });
  if (back && back.ok) void back.result.state;
  g.unguard();
  const mock = mockCardApis(wx, { cancel: true, locale: 'zh-CN' });
  const first = mock.calls[0];
  if (first) void first.answer.errMsg;
  mock.restore();
  // @ts-expect-error block is a boolean
  guard(wx, { block: 'yes' });
}

// Merchant coupons (商家券) build through the same API; a signed string cardExt passes through.
export function addCoupons(): void {
  const out = buildAddCard({
    cardList: [
      { cardId: '1222080000000002', cardExt: { out_request_no: '1619168471834', send_coupon_merchant: '1327735401', sign: 'A'.repeat(64) } },
      { cardId: '1222080000000002', cardExt: { out_request_no: '1619168471835', customize_send_time: '2021-01-01T12:00:00+08:00' } },
      { cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: '{"timestamp":1700000000,"signature":"' + 'a'.repeat(40) + '"}' },
    ],
  });
  if (out.ok) wx.addCard(out.result);
}
