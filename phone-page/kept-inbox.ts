// The phone's inbox history, kept in localStorage so it survives a closed tab and the next plug.
// localStorage is per origin, and the session page's origin is this PC's (the port its agent
// reverses), so each paired PC keeps its own list. The newest 200 items; files keep their name,
// size and time, never their bytes.

export const KEPT_ITEMS = 200;
const KEY = 'tandem.inbox.v1';

export type KeptItem =
  | { kind: 'text'; at: number; text: string }
  | { kind: 'link'; at: number; url: string; title?: string }
  | { kind: 'file'; at: number; name: string; size: number; image: boolean };

export function readKept(storage: Storage | undefined = globalThis.localStorage): KeptItem[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed.filter(isKept) as KeptItem[]) : [];
  } catch {
    return []; // damaged or refused: start a new history rather than fail the page
  }
}

/** Adds the newest item at the front and keeps the newest KEPT_ITEMS. */
export function keep(item: KeptItem, storage: Storage | undefined = globalThis.localStorage): void {
  const items = [item, ...readKept(storage)].slice(0, KEPT_ITEMS);
  try {
    storage?.setItem(KEY, JSON.stringify(items));
  } catch {
    // storage full or refused: the item is still shown, only not kept
  }
}

function isKept(value: unknown): boolean {
  const item = value as Partial<Record<string, unknown>> | null;
  if (!item || typeof item.at !== 'number') return false;
  if (item.kind === 'text') return typeof item.text === 'string';
  if (item.kind === 'link') return typeof item.url === 'string';
  return item.kind === 'file' && typeof item.name === 'string' && typeof item.size === 'number';
}
