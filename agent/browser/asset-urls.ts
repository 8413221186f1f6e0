// The URLs the asset proxy will fetch for the phone: the assets of a recorded stream as
// mirror/asset-url-selection.ts selects them (the same rules the phone's replayer rewrites by),
// keyed as the proxy looks them up: absolute, without their fragment.
import type { eventWithTime } from '@rrweb/types';
import { selectAssetUrls } from '../../mirror/asset-url-selection.js';

export function collectAssetUrls(events: readonly eventWithTime[], baseUrl: string): Set<string> {
  const found = new Set<string>();
  for (const url of selectAssetUrls(events, baseUrl)) found.add(withoutFragment(url));
  return found;
}

function withoutFragment(absolute: string): string {
  const url = new URL(absolute);
  url.hash = '';
  return url.href;
}
