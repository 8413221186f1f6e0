// The URLs of images, stylesheets and fonts a recorded stream refers to: the only URLs the asset
// proxy will fetch for the phone. Links (`<a href>`), frames and scripts are not assets: a URL
// counts only where the phone's replayer loads it as one (mirror/replayer/asset-rewrite.ts).
import type { eventWithTime } from '@rrweb/types';

/** Elements whose `src` is an image (`image` is SVG's; `source` sits in `<picture>`). */
const IMAGE_SRC_TAGS = new Set(['img', 'source', 'input', 'image']);
/** `<link rel>` values that load a stylesheet, an icon or a preloaded style, font or image. */
const ASSET_LINK_REL = /(^|\s)(stylesheet|icon|apple-touch-icon|mask-icon|preload)(\s|$)/i;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const MUTATION = 0;
const STYLE_SHEET_RULE = 8;

type Add = (url: string) => void;

export function collectAssetUrls(events: readonly eventWithTime[], baseUrl: string): Set<string> {
  const found = new Set<string>();
  const add: Add = (raw) => {
    const url = absolute(raw.trim(), baseUrl);
    if (url) found.add(url);
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown> | undefined;
    if (!data) continue;
    if (event.type === FULL_SNAPSHOT) visitNode(data.node, add);
    if (event.type !== INCREMENTAL) continue;
    if (data.source === MUTATION) {
      for (const added of asArray(data.adds)) visitNode((added as { node?: unknown }).node, add);
      for (const change of asArray(data.attributes)) {
        visitChangedAttributes((change as { attributes?: unknown }).attributes, add);
      }
      for (const text of asArray(data.texts)) {
        const value = (text as { value?: unknown }).value;
        if (typeof value === 'string') cssUrls(value, add);
      }
    }
    if (data.source === STYLE_SHEET_RULE) {
      for (const rule of asArray(data.adds)) {
        const text = (rule as { rule?: unknown }).rule;
        if (typeof text === 'string') cssUrls(text, add);
      }
    }
  }
  return found;
}

function visitNode(node: unknown, add: Add): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as
      | {
          tagName?: unknown;
          attributes?: unknown;
          childNodes?: unknown;
          textContent?: unknown;
          isStyle?: boolean;
        }
      | undefined;
    if (!current || typeof current !== 'object') continue;
    const tag = typeof current.tagName === 'string' ? current.tagName.toLowerCase() : '';
    visitAttributes(tag, current.attributes, add);
    if (current.isStyle && typeof current.textContent === 'string') {
      cssUrls(current.textContent, add);
    }
    for (const child of asArray(current.childNodes)) stack.push(child);
  }
}

function visitAttributes(tag: string, attributes: unknown, add: Add): void {
  if (!attributes || typeof attributes !== 'object') return;
  const all = attributes as Record<string, unknown>;
  for (const [name, value] of Object.entries(all)) {
    if (typeof value !== 'string') continue;
    if (name === 'src' && IMAGE_SRC_TAGS.has(tag)) add(value);
    else if (name === 'poster') add(value);
    else if (name === 'href' && tag === 'link' && isAssetLink(all)) add(value);
    else if (name === 'srcset') srcsetUrls(value, add);
    else if (name === 'style' || name === '_cssText') cssUrls(value, add);
  }
}

/** An attribute mutation does not name its element: only what images and styles carry counts. */
function visitChangedAttributes(attributes: unknown, add: Add): void {
  if (!attributes || typeof attributes !== 'object') return;
  for (const [name, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (typeof value === 'string') {
      if (name === 'src' || name === 'poster') add(value);
      else if (name === 'srcset') srcsetUrls(value, add);
      else if (name === 'style' || name === '_cssText') cssUrls(value, add);
    } else if (name === 'style' && value && typeof value === 'object') {
      // rrweb's style diff: { property: value | [value, priority] | false }.
      for (const part of Object.values(value)) {
        const css = Array.isArray(part) ? part[0] : part;
        if (typeof css === 'string') cssUrls(css, add);
      }
    }
  }
}

function isAssetLink(attributes: Record<string, unknown>): boolean {
  return typeof attributes.rel === 'string' && ASSET_LINK_REL.test(attributes.rel);
}

function srcsetUrls(value: string, add: Add): void {
  for (const candidate of value.split(',')) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) add(url);
  }
}

function cssUrls(css: string, add: Add): void {
  for (const match of css.matchAll(CSS_URL)) if (match[2]) add(match[2]);
}

function absolute(raw: string, base: string): string | undefined {
  if (!raw || raw.startsWith('data:') || raw.startsWith('#')) return undefined;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
