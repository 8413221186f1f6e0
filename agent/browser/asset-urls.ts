// The URLs of images, stylesheets, fonts and media a recorded stream refers to: the only URLs the
// asset proxy will fetch for the phone.
import type { eventWithTime } from '@rrweb/types';

const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'data', 'background', 'xlink:href']);
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const MUTATION = 0;

export function collectAssetUrls(events: readonly eventWithTime[], baseUrl: string): Set<string> {
  const found = new Set<string>();
  const add = (raw: string): void => {
    const url = absolute(raw.trim(), baseUrl);
    if (url) found.add(url);
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown> | undefined;
    if (!data) continue;
    if (event.type === FULL_SNAPSHOT) visitNode(data.node, add);
    if (event.type === INCREMENTAL && data.source === MUTATION) {
      for (const added of asArray(data.adds)) visitNode((added as { node?: unknown }).node, add);
      for (const change of asArray(data.attributes)) {
        visitAttributes((change as { attributes?: unknown }).attributes, add);
      }
      for (const text of asArray(data.texts)) {
        const value = (text as { value?: unknown }).value;
        if (typeof value === 'string') cssUrls(value, add);
      }
    }
  }
  return found;
}

function visitNode(node: unknown, add: (url: string) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as
      | { attributes?: unknown; childNodes?: unknown; textContent?: unknown; isStyle?: boolean }
      | undefined;
    if (!current || typeof current !== 'object') continue;
    visitAttributes(current.attributes, add);
    if (current.isStyle && typeof current.textContent === 'string') {
      cssUrls(current.textContent, add);
    }
    for (const child of asArray(current.childNodes)) stack.push(child);
  }
}

function visitAttributes(attributes: unknown, add: (url: string) => void): void {
  if (!attributes || typeof attributes !== 'object') return;
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue;
    if (URL_ATTRIBUTES.has(name)) add(value);
    else if (name === 'srcset') srcsetUrls(value, add);
    else if (name === 'style' || name === '_cssText') cssUrls(value, add);
  }
}

function srcsetUrls(value: string, add: (url: string) => void): void {
  for (const candidate of value.split(',')) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) add(url);
  }
}

function cssUrls(css: string, add: (url: string) => void): void {
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
