// The replayer as one script for the phone page (global `TandemMirror`): prebuilt in dist/ when
// running the build, bundled from the sources at first use otherwise (bundles/browser-bundle.ts).
import { browserBundle } from '../../bundles/browser-bundle.js';

export { REPLAYER_GLOBAL } from '../../bundles/browser-bundle-specs.js';

export function replayerBundle(): Promise<string> {
  return browserBundle('replayer');
}
