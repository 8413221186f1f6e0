// The desktop UI (desktop-ui/) served by the control API for a browser tab in headless mode. The
// assets hold no data, so they need no token; every API call they make does.
import { desktopUiFile } from '../../bundles/app-assets.js';

export const uiAssets: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/ui/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/ui/browser-bar.js': { file: 'browser-bar.js', type: 'text/javascript; charset=utf-8' },
  '/ui/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export function readUiAsset(path: string): { body: Buffer; type: string } | undefined {
  const asset = uiAssets[path];
  if (!asset) return undefined;
  return { body: desktopUiFile(asset.file), type: asset.type };
}

export const uiContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
