// wxcard/testing: mockCardApis(wx, options) replaces wx.addCard and
// wx.openCard with fakes that check each payload with the same core as
// 'wxcard' (await init() from 'wxcard' first) and answer as WeChat would.
// build.mjs makes testing.cjs (for require) and the mini program's
// testing.js from this file, each bound to its own build's 'wxcard' entry.
import * as wxcard from './index.js';
import { makeMock, failDetail, fakeEncryptedCode } from './mock.js';

export const mockCardApis = makeMock(wxcard);
export { failDetail, fakeEncryptedCode };
