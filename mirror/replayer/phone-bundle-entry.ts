// The browser entry of the replayer bundle: `window.TandemMirror.mountMirror(container, api)`.
export { mountMirror } from './mount-mirror.js';
export type { MirrorOptions, MirrorPhoneApi, MirrorView } from './mount-mirror.js';
export type { MirrorTab } from './tab-list.js';
