// The desktop UI (desktop-ui/) served by the control API for a browser tab or the Electron window:
// its page and style sheet as files (bundles/app-assets.ts names them), its script as the
// desktop-ui bundle (read from dist/ in the build, bundled from the sources at first use
// otherwise). The assets hold no data, so they need no token; every API call they make does.
import { desktopUiFile } from '../../bundles/app-assets.js';
import { browserBundle } from '../../bundles/browser-bundle.js';

const html = 'text/html; charset=utf-8';
const script = 'text/javascript; charset=utf-8';
const css = 'text/css; charset=utf-8';

export const uiAssets: Record<string, { type: string; read: () => Promise<string | Buffer> }> = {
  '/': { type: html, read: async () => desktopUiFile('index.html') },
  '/ui/app.js': { type: script, read: () => browserBundle('desktop-ui') },
  '/ui/style.css': { type: css, read: async () => desktopUiFile('style.css') },
  '/ui/inbox.css': { type: css, read: async () => desktopUiFile('inbox.css') },
};

export async function readUiAsset(
  path: string,
): Promise<{ body: string | Buffer; type: string } | undefined> {
  const asset = uiAssets[path];
  if (!asset) return undefined;
  return { body: await asset.read(), type: asset.type };
}

export const uiContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
