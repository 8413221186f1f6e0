// A phone on USB only has no network of its own: the asset URLs of the recorded events (as
// mirror/asset-url-selection.ts selects them, the same rules the agent's asset proxy allows by)
// are pointed at the agent's asset route on the page's own origin (`/mirror/asset?url=…`), which
// fetches only URLs seen in the stream. Pure: events are copied.
import { mapAssetUrls, type AssetUrlMap, type RecordedEvent } from '../asset-url-selection.js';

export const ASSET_ROUTE = '/mirror/asset';

/**
 * `origin` is the phone page's own, e.g. `location.origin`; `pageUrl` the recorded page's, which
 * relative URLs are resolved against (a Meta event among `events` names it too).
 */
export function rewriteAssetUrls<E extends RecordedEvent>(
  events: readonly E[],
  origin: string,
  pageUrl?: string,
): E[] {
  return mapAssetUrls(events, proxiedVia(origin), pageUrl);
}

function proxiedVia(origin: string): AssetUrlMap {
  return (url) =>
    url.startsWith(`${origin}${ASSET_ROUTE}?`)
      ? url
      : `${origin}${ASSET_ROUTE}?url=${encodeURIComponent(url)}`;
}
