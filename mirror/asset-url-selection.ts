// Which URLs in a recorded rrweb stream are assets, decided once: the images, stylesheets, icons
// and fonts the replayed page loads. The agent's asset proxy fetches only these
// (agent/browser/asset-urls.ts) and the phone's replayer routes exactly these through it
// (mirror/replayer/asset-rewrite.ts), so the two cannot drift apart. Links (`<a href>`), frames,
// scripts and forms are not assets, nor are data:, blob:, javascript: or fragment-only URLs.
// Relative URLs count, resolved against the recorded page (the caller's, or a Meta event's href).
// Pure: events are copied, never changed.
import { EventType, IncrementalSource, NodeType } from '../protocol/rrweb-events.js';

/** Given an asset's absolute http(s) address (its fragment kept), what to write in its place. */
export type AssetUrlMap = (url: string) => string;

export interface RecordedEvent {
  type: number;
  timestamp: number;
  data?: unknown;
}

type Node = Record<string, unknown>;

/** Elements whose `src` is an image (`image` is SVG's; `source` sits in `<picture>`). */
const IMAGE_SRC_TAGS = new Set(['img', 'source', 'input', 'image']);
/** `<link rel>` values that load a stylesheet, an icon or a preloaded style, font or image. */
const ASSET_LINK_REL = /(^|\s)(stylesheet|icon|apple-touch-icon|mask-icon|preload)(\s|$)/i;
/** `url(…)` anywhere in CSS, and the `@import "…"` that names its sheet without `url()`. */
const CSS_ASSET = /url\(\s*(['"]?)([^'")]+?)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi;

/** The absolute http(s) address `raw` names, resolved against `base`; undefined if not an asset. */
export function assetUrl(raw: string, base?: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every asset URL of `events` (absolute, fragment kept), in the order they appear. */
export function selectAssetUrls(events: readonly RecordedEvent[], pageUrl?: string): string[] {
  const found: string[] = [];
  mapAssetUrls(events, (url) => (found.push(url), url), pageUrl);
  return found;
}

/** The page the last Meta event of `events` names, if any. */
export function lastPageUrl(events: readonly RecordedEvent[]): string | undefined {
  let href: string | undefined;
  for (const event of events) href = metaHref(event) ?? href;
  return href;
}

/**
 * `events` with every asset URL replaced by `map(url)`: snapshots, mutations and inserted rules are
 * copied, every other event is passed as it is.
 */
export function mapAssetUrls<E extends RecordedEvent>(
  events: readonly E[],
  map: AssetUrlMap,
  pageUrl?: string,
): E[] {
  let base = pageUrl;
  return events.map((event) => {
    base = metaHref(event) ?? base;
    const data = event.data as Node | undefined;
    if (!data || typeof data !== 'object') return event;
    const at = mapperAt(map, base);
    if (event.type === EventType.FullSnapshot) {
      return { ...event, data: { ...data, node: mapNode(data.node, at) } };
    }
    if (event.type !== EventType.IncrementalSnapshot) return event;
    if (data.source === IncrementalSource.Mutation) {
      const adds = mapArray(data.adds, (add) => ({ ...add, node: mapNode(add.node, at) }));
      const attributes = mapArray(data.attributes, (change) => ({
        ...change,
        attributes: mapChangedAttributes(change.attributes, at),
      }));
      return { ...event, data: { ...data, adds, attributes } };
    }
    if (data.source === IncrementalSource.StyleSheetRule) {
      const adds = mapArray(data.adds, (add) =>
        typeof add.rule === 'string' ? { ...add, rule: at.css(add.rule) } : add,
      );
      return { ...event, data: { ...data, adds } };
    }
    return event;
  });
}

/** `url(…)` and `@import "…"` assets of a piece of CSS, mapped; the rest of it as it was. */
export function mapCss(css: string, map: AssetUrlMap, base?: string): string {
  return css.replace(
    CSS_ASSET,
    (match, quote: string, url?: string, importQuote?: string, imported?: string) => {
      if (url !== undefined) {
        const absolute = assetUrl(url, base);
        return absolute ? `url(${quote}${map(absolute)}${quote})` : match;
      }
      const absolute = assetUrl(imported ?? '', base);
      return absolute ? `@import ${importQuote}${map(absolute)}${importQuote}` : match;
    },
  );
}

function metaHref(event: RecordedEvent): string | undefined {
  if (event.type !== EventType.Meta) return undefined;
  const href = (event.data as { href?: unknown } | undefined)?.href;
  return typeof href === 'string' ? href : undefined;
}

/** How one event's URLs are mapped: a URL attribute's value, and CSS. */
interface Mapper {
  url(raw: string): string;
  css(text: string): string;
}

function mapperAt(map: AssetUrlMap, base: string | undefined): Mapper {
  return {
    url: (raw) => {
      const absolute = assetUrl(raw, base);
      return absolute ? map(absolute) : raw;
    },
    css: (text) => mapCss(text, map, base),
  };
}

function mapNode(node: unknown, at: Mapper): unknown {
  if (!node || typeof node !== 'object') return node;
  const current = node as Node;
  const copy: Node = { ...current };
  if (current.type === NodeType.Element && current.attributes) {
    const tag = typeof current.tagName === 'string' ? current.tagName.toLowerCase() : '';
    copy.attributes = mapElementAttributes(tag, current.attributes as Node, at);
  }
  if (current.type === NodeType.Text && current.isStyle === true) {
    if (typeof current.textContent === 'string') copy.textContent = at.css(current.textContent);
  }
  if (Array.isArray(current.childNodes)) {
    copy.childNodes = current.childNodes.map((child) => mapNode(child, at));
  }
  return copy;
}

function mapElementAttributes(tag: string, attributes: Node, at: Mapper): Node {
  const out: Node = { ...attributes };
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue;
    if (name === 'src' && IMAGE_SRC_TAGS.has(tag)) out[name] = at.url(value);
    else if (name === 'poster') out[name] = at.url(value);
    else if (name === 'href' && tag === 'link' && isAssetLink(attributes)) {
      out[name] = at.url(value);
    } else if (name === 'srcset') out[name] = mapSrcset(value, at);
    else if (name === 'style' || name === '_cssText') out[name] = at.css(value);
  }
  return out;
}

/** An attribute mutation does not name its element: only what images and styles carry counts. */
function mapChangedAttributes(attributes: unknown, at: Mapper): unknown {
  if (!attributes || typeof attributes !== 'object') return attributes;
  const out: Node = { ...(attributes as Node) };
  for (const [name, value] of Object.entries(out)) {
    if (typeof value === 'string') {
      if (name === 'src' || name === 'poster') out[name] = at.url(value);
      else if (name === 'srcset') out[name] = mapSrcset(value, at);
      else if (name === 'style' || name === '_cssText') out[name] = at.css(value);
    } else if (name === 'style' && value && typeof value === 'object') {
      // rrweb's style diff: { property: value | [value, priority] | false }.
      out[name] = Object.fromEntries(
        Object.entries(value).map(([property, part]) => [
          property,
          typeof part === 'string'
            ? at.css(part)
            : Array.isArray(part) && typeof part[0] === 'string'
              ? [at.css(part[0]), ...part.slice(1)]
              : part,
        ]),
      );
    }
  }
  return out;
}

/**
 * A srcset's candidates, each a URL (which may hold commas, as data: URLs do) up to the next
 * whitespace, then descriptors up to a comma: the URLs mapped, everything else kept as written.
 */
function mapSrcset(value: string, at: Mapper): string {
  let out = '';
  let rest = value;
  while (rest) {
    const separator = /^[\s,]*/.exec(rest)?.[0] ?? '';
    const token = /^\S*/.exec(rest.slice(separator.length))?.[0] ?? '';
    const trailingCommas = /,*$/.exec(token)?.[0] ?? '';
    const url = token.slice(0, token.length - trailingCommas.length);
    out += separator + (url ? at.url(url) : '') + trailingCommas;
    rest = rest.slice(separator.length + token.length);
    if (trailingCommas) continue;
    const descriptors = /^[^,]*/.exec(rest)?.[0] ?? '';
    out += descriptors;
    rest = rest.slice(descriptors.length);
  }
  return out;
}

function isAssetLink(attributes: Node): boolean {
  return typeof attributes.rel === 'string' && ASSET_LINK_REL.test(attributes.rel);
}

function mapArray(value: unknown, map: (item: Node) => unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) =>
    item && typeof item === 'object' ? map(item as Node) : item,
  );
}
