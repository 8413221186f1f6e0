// The takeover confirmation page the phone opens over USB: a few lines of HTML and CSS (light and
// dark), the words and the button's work in its own script (phone-page/takeover-page.ts), apart
// from the session page's bundle.
import { TAKEOVER_SCRIPT_PATH } from '../../protocol/takeover.js';

export const TAKEOVER_PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

export const takeoverPageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Tandem</title>
    <style>
      :root { color-scheme: light dark; --accent: #1f6feb; --bg: #fff; --fg: #1b1f24; --muted: #59636e; --card: #f3f5f7; --bad: #c62828; }
      @media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #161b22; --bad: #ff7b72; } }
      * { box-sizing: border-box; }
      body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; justify-content: center; padding: 24px;
        font: 17px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
        background: var(--bg); color: var(--fg); }
      main { max-width: 28rem; margin: 0 auto; width: 100%; }
      h1 { font-size: 1.5rem; margin: 0 0 12px; }
      p { margin: 0 0 24px; color: var(--muted); }
      button { display: block; width: 100%; min-height: 56px; border-radius: 12px; font: inherit; font-weight: 600; margin: 0 0 12px; cursor: pointer; }
      #move { background: var(--accent); color: #fff; border: 0; font-size: 1.15rem; }
      #cancel { background: var(--card); color: var(--fg); border: 1px solid var(--muted); }
      button:disabled { opacity: 0.6; }
      #result { color: var(--fg); font-weight: 600; }
      #result[data-tone='bad'] { color: var(--bad); }
      details { color: var(--muted); font-size: 0.85rem; }
    </style>
  </head>
  <body>
    <main>
      <h1 id="title"></h1>
      <p id="body"></p>
      <button id="move" type="button"></button>
      <button id="cancel" type="button"></button>
      <p id="result" role="status" aria-live="polite"></p>
      <details id="details" hidden><summary id="details-label"></summary><code id="code"></code></details>
    </main>
    <script type="module" src="${TAKEOVER_SCRIPT_PATH}"></script>
  </body>
</html>
`;
