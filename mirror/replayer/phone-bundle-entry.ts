// The browser entry of the replayer bundle: `window.TandemMirror.mountMirror(container, api)`, and
// the asset-URL rewrite of the events it is given (here, so the phone page's own script stays small).
export { mountMirror } from './mount-mirror.js';
export { rewriteAssetUrls } from './asset-rewrite.js';
export { lastPageUrl } from '../asset-url-selection.js';
export type { MirrorOptions, MirrorPhoneApi, MirrorView } from './mount-mirror.js';
export type { MirrorTab } from './tab-list.js';
