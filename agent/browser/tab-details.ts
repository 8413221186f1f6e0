// A tab's title and icon as its page declares them, read when the page loads and again whenever
// the page changes them later (`document.title = …` after load, an icon swapped in by a script).

/** The binding the page's observer calls with `{ title, favicon }` when either changes. */
export const TAB_DETAILS_CHANNEL = '__tandemTabDetails';

export interface TabDetails {
  title: string;
  favicon: string;
}

const MAX_TITLE = 1000;
/** The protocol's bound on a tab's favicon (protocol/relay-messages.ts). */
const MAX_FAVICON = 8192;

/** Title and icon now; `/favicon.ico` is the web's default icon. */
const readDetails = `() => {
  const link = document.querySelector('link[rel~="icon"]');
  const fallback = /^https?:/.test(location.protocol) ? location.origin + '/favicon.ico' : '';
  return { title: document.title, favicon: link && link.href ? link.href : fallback };
}`;

export const pageDetailsExpression = `(${readDetails})()`;

/**
 * Runs in the top frame of every page before its scripts: reports the details once the document
 * is parsed, then on every change to <head> that alters them (a small observer, deduplicated).
 */
export const tabDetailsObserverScript = `(() => {
  if (window !== window.top) return;
  const read = ${readDetails};
  let last = '';
  const report = () => {
    const send = window[${JSON.stringify(TAB_DETAILS_CHANNEL)}];
    const details = read();
    const key = details.title + '\\n' + details.favicon;
    if (key === last || typeof send !== 'function') return;
    last = key;
    Promise.resolve(send(details)).catch(() => undefined);
  };
  const watch = () => {
    report();
    new MutationObserver(report).observe(document.head || document.documentElement, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ['href', 'rel'],
    });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watch, { once: true });
  } else {
    watch();
  }
})();`;

/** Pages are untrusted: only two bounded strings are taken from what one reports. */
export function asTabDetails(payload: unknown): TabDetails | undefined {
  const details = payload as { title?: unknown; favicon?: unknown } | null;
  if (!details || typeof details.title !== 'string' || typeof details.favicon !== 'string') {
    return undefined;
  }
  const favicon = /^(https?:\/\/|data:image\/)/i.test(details.favicon) ? details.favicon : '';
  return {
    title: details.title.slice(0, MAX_TITLE),
    favicon: favicon.length <= MAX_FAVICON ? favicon : '',
  };
}
