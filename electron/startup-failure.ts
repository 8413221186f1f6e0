// A start that failed (adb missing, the data folder unwritable, a damaged database…) in words: what
// is wrong and what to do, from the error's code in the catalogues, as a page with "Try again".
import { errorCatalogues } from '../protocol/errors/index.js';
import type { CodeEntry } from '../protocol/coded-error.js';
import type { Words } from '../protocol/i18n/desktop-words.js';

/** The page's "Try again" target: never loaded, the window's navigation handler catches it. */
export const TRY_AGAIN_URL = 'https://try-again.tandem.invalid/';

export interface StartupFailure {
  code: string | undefined;
  /** The error's own message: what is wrong, in its words. */
  what: string;
  /** What the person can do, from the code's catalogue entry. */
  action: string;
}

const FALLBACK_ACTION =
  'Quit Tandem and start it again. If it keeps failing, run `tandem doctor` in a terminal.';

export function describeStartupFailure(error: unknown): StartupFailure {
  const code =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : undefined;
  const what = error instanceof Error ? error.message : String(error);
  return { code, what, action: (code && actionFor(code)) || FALLBACK_ACTION };
}

function actionFor(code: string): string | undefined {
  for (const catalogue of errorCatalogues) {
    const entry = (catalogue.codes as Record<string, CodeEntry>)[code];
    if (entry?.action) return entry.action;
  }
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inline code spans (`…`) of the catalogue texts, escaped first. */
function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function startupFailureHtml(words: Words, failure: StartupFailure): string {
  const w = words.failure;
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(w.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2933}
h1{font-size:1.3rem;margin:0 0 1rem}h2{font-size:1rem;margin:1.5rem 0 .25rem}
code{background:#eef2f5;padding:0 .25em;border-radius:3px}
a.button{display:inline-block;margin-top:1.5rem;padding:.5rem 1.2rem;background:#0f766e;color:#fff;border-radius:6px;text-decoration:none}
.code{color:#61717f;font-size:.85rem}
</style></head>
<body>
<h1>${escapeHtml(w.title)}</h1>
<p id="what">${withCode(failure.what)}</p>
<h2>${escapeHtml(w.whatToDo)}</h2>
<p id="action">${withCode(failure.action)}</p>
${failure.code ? `<p class="code">${escapeHtml(w.details)}: <code>${escapeHtml(failure.code)}</code></p>` : ''}
<a class="button" id="try-again" href="${TRY_AGAIN_URL}">${escapeHtml(w.tryAgain)}</a>
</body></html>`;
}

/** The page as a URL a window loads (no file, no server: the agent did not start). */
export function startupFailureUrl(words: Words, failure: StartupFailure): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startupFailureHtml(words, failure))}`;
}
