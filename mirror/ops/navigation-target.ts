// What the phone's address bar means: a URL (with or without its scheme) or search words.
export const DEFAULT_SEARCH_URL = 'https://duckduckgo.com/?q=';

export function navigationTarget(input: string, searchUrl = DEFAULT_SEARCH_URL): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text) && URL.canParse(text)) return new URL(text).href;
  // A single word with a dot or a port and no spaces reads as a host: example.com, localhost:8080/x.
  if (
    !/\s/.test(text) &&
    /^[\w-]+(\.[\w-]+)+(:\d+)?(\/.*)?$|^localhost(:\d+)?(\/.*)?$/i.test(text)
  ) {
    const candidate = `${/^localhost/i.test(text) ? 'http' : 'https'}://${text}`;
    if (URL.canParse(candidate)) return new URL(candidate).href;
  }
  return `${searchUrl}${encodeURIComponent(text)}`;
}
