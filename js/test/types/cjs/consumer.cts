// A CommonJS consumer (require through the "require" condition and
// index.d.cts): the same API and the same union on ok.
import wxcard = require('wxcard');

export async function run(): Promise<void> {
  await wxcard.init();
  const out = wxcard.buildOpenCard({ cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', code: '1234567890' }] });
  if (out.ok) wx.openCard(out.result);
  const verdict: wxcard.Verdict = wxcard.validateCardList({ cardList: [] });
  // @ts-expect-error an operation without a result has no result
  verdict.result;
}

import testing = require('wxcard/testing');
export const mock: testing.CardApisMock = testing.mockCardApis(wx);
