// A phone on USB only has no network of its own: absolute http(s) URLs of images and stylesheets in
// the recorded events are pointed at the agent's asset route on the page's own origin
// (`/mirror/asset?url=…`), which fetches only URLs seen in the stream. Pure: events are copied.

const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const MUTATION = 0;
const STYLE_SHEET_RULE = 8;
const ELEMENT_NODE = 2;
const TEXT_NODE = 3;
const ABSOLUTE = /^\s*https?:\/\//i;
const CSS_URL = /url\(\s*(['"]?)(https?:\/\/[^'")\s]+)\1\s*\)/gi;
const STYLESHEET_REL = /(^|\s)stylesheet(\s|$)/i;

interface RecordedEvent {
  type: number;
  timestamp: number;
  data?: unknown;
}

type SerializedNode = Record<string, unknown> & {
  type?: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: unknown[];
};

export const ASSET_ROUTE = '/mirror/asset';

/** `origin` is the phone page's own, e.g. `location.origin`. */
export function rewriteAssetUrls<E extends RecordedEvent>(
  events: readonly E[],
  origin: string,
): E[] {
  const proxied = (url: string): string =>
    url.startsWith(`${origin}${ASSET_ROUTE}?`)
      ? url
      : `${origin}${ASSET_ROUTE}?url=${encodeURIComponent(url.trim())}`;
  const rewrite = { url: proxied, css: (css: string) => rewriteCss(css, proxied) };
  return events.map((event) => {
    const data = event.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') return event;
    if (event.type === FULL_SNAPSHOT) {
      return { ...event, data: { ...data, node: rewriteNode(data.node, rewrite) } };
    }
    if (event.type !== INCREMENTAL) return event;
    if (data.source === MUTATION) {
      return {
        ...event,
        data: {
          ...data,
          adds: mapArray(data.adds, (add) => ({ ...add, node: rewriteNode(add.node, rewrite) })),
          attributes: mapArray(data.attributes, (change) => ({
            ...change,
            attributes: rewriteChangedAttributes(change.attributes, rewrite),
          })),
        },
      };
    }
    if (data.source === STYLE_SHEET_RULE) {
      return {
        ...event,
        data: {
          ...data,
          adds: mapArray(data.adds, (add) =>
            typeof add.rule === 'string' ? { ...add, rule: rewrite.css(add.rule) } : add,
          ),
        },
      };
    }
    return event;
  });
}

interface Rewrite {
  url(url: string): string;
  css(css: string): string;
}

export function rewriteCss(css: string, proxied: (url: string) => string): string {
  return css.replace(
    CSS_URL,
    (_match, quote: string, url: string) => `url(${quote}${proxied(url)}${quote})`,
  );
}

function rewriteNode(node: unknown, rewrite: Rewrite): unknown {
  if (!node || typeof node !== 'object') return node;
  const current = node as SerializedNode;
  const copy: SerializedNode = { ...current };
  if (current.type === ELEMENT_NODE && current.attributes) {
    copy.attributes = rewriteAttributes(current.tagName ?? '', current.attributes, rewrite);
  }
  if (
    current.type === TEXT_NODE &&
    current.isStyle === true &&
    typeof current.textContent === 'string'
  ) {
    copy.textContent = rewrite.css(current.textContent);
  }
  if (Array.isArray(current.childNodes)) {
    copy.childNodes = current.childNodes.map((child) => rewriteNode(child, rewrite));
  }
  return copy;
}

function rewriteAttributes(
  tagName: string,
  attributes: Record<string, unknown>,
  rewrite: Rewrite,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...attributes };
  const tag = tagName.toLowerCase();
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue;
    if (
      name === 'src' &&
      ['img', 'source', 'input', 'image'].includes(tag) &&
      ABSOLUTE.test(value)
    ) {
      out[name] = rewrite.url(value);
    } else if (name === 'poster' && ABSOLUTE.test(value)) {
      out[name] = rewrite.url(value);
    } else if (name === 'srcset') {
      out[name] = rewriteSrcset(value, rewrite);
    } else if (
      name === 'href' &&
      tag === 'link' &&
      isStylesheet(attributes) &&
      ABSOLUTE.test(value)
    ) {
      out[name] = rewrite.url(value);
    } else if (name === 'style' || name === '_cssText') {
      out[name] = rewrite.css(value);
    }
  }
  return out;
}

/** An attribute mutation does not name its element: rewrite what only images and styles carry. */
function rewriteChangedAttributes(attributes: unknown, rewrite: Rewrite): unknown {
  if (!attributes || typeof attributes !== 'object') return attributes;
  const out: Record<string, unknown> = { ...(attributes as Record<string, unknown>) };
  for (const [name, value] of Object.entries(out)) {
    if (typeof value === 'string') {
      if ((name === 'src' || name === 'poster') && ABSOLUTE.test(value))
        out[name] = rewrite.url(value);
      else if (name === 'srcset') out[name] = rewriteSrcset(value, rewrite);
      else if (name === 'style' || name === '_cssText') out[name] = rewrite.css(value);
    } else if (name === 'style' && value && typeof value === 'object') {
      // rrweb's style diff: { property: value | [value, priority] | false }.
      out[name] = Object.fromEntries(
        Object.entries(value).map(([property, v]) => [
          property,
          typeof v === 'string'
            ? rewrite.css(v)
            : Array.isArray(v) && typeof v[0] === 'string'
              ? [rewrite.css(v[0]), ...v.slice(1)]
              : v,
        ]),
      );
    }
  }
  return out;
}

function rewriteSrcset(value: string, rewrite: Rewrite): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      if (!url || !ABSOLUTE.test(url)) return candidate.trim();
      return [rewrite.url(url), ...descriptor].join(' ');
    })
    .join(', ');
}

function isStylesheet(attributes: Record<string, unknown>): boolean {
  return typeof attributes.rel === 'string' && STYLESHEET_REL.test(attributes.rel);
}

function mapArray(value: unknown, map: (item: Record<string, unknown>) => unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) =>
    item && typeof item === 'object' ? map(item as Record<string, unknown>) : item,
  );
}
