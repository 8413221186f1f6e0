// The PC side of the mirror (agent/), as the mirror and phone-page tests drive it: the recorder's
// stream, the operations, the batches, a phone session with its browser runtime and asset proxy,
// and the benchmark's pages. Tests cross rooms only through testing/.
export type { BrowserHost } from '../agent/browser/browser-host.js';
export { startMirrorStream, type MirrorStream } from '../agent/browser/mirror-stream.js';
export { performOperation } from '../agent/browser/operations.js';
export { AssetProxy } from '../agent/browser/asset-proxy.js';
export { encodeMirrorBatch, type MirrorMessage } from '../agent/session/mirror-batches.js';
export { startBrowserRuntime, type BrowserRuntime } from '../agent/session/browser-runtime.js';
export { PhoneSession } from '../agent/session/phone-session.js';
export { benchPages } from '../bench/mirror/fixtures.js';
