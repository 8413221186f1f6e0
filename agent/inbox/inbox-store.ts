// The inbox: what phones sent this computer (text, links, images, files), newest first, kept in
// the data folder's inbox.jsonl so it outlives a restart. One JSON line per item, appended as it
// arrives; only the newest INBOX_CAP are kept (the file is rewritten through a temporary file and
// a rename once it holds twice that). A torn last line (a crash mid-append) is skipped on reading.
// Items carry the phone's masked identity, never the raw one. `tandem inbox` reads the same file.
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { InboxItemSchema, type InboxItem } from '../../protocol/control-responses.js';

export type { InboxItem };

/** How many items the inbox keeps: the newest. */
export const INBOX_CAP = 500;
export const INBOX_FILE = 'inbox.jsonl';

/** An item as it arrives: the store gives it an id and, unless given, the time. */
export type NewInboxItem = Omit<InboxItem, 'id' | 'at'> & { at?: string };

export interface InboxStore {
  /** Newest first. */
  list(): InboxItem[];
  find(id: string): InboxItem | undefined;
  add(item: NewInboxItem): InboxItem;
  /** Called with each item added; returns the removal. */
  onAdded(listener: (item: InboxItem) => void): () => void;
}

export function openInboxStore(
  dataDir: string,
  options: { cap?: number; now?: () => Date } = {},
): InboxStore {
  const cap = options.cap ?? INBOX_CAP;
  const now = options.now ?? (() => new Date());
  const file = join(dataDir, INBOX_FILE);
  /** Oldest first, as in the file. */
  let items = readLines(file).slice(-cap);
  let linesInFile = items.length;
  const listeners = new Set<(item: InboxItem) => void>();

  return {
    list: () => [...items].reverse(),
    find: (id) => items.find((item) => item.id === id),
    add(input) {
      const item = z.parse(InboxItemSchema, {
        ...input,
        id: randomUUID(),
        at: input.at ?? now().toISOString(),
      });
      items = [...items, item].slice(-cap);
      mkdirSync(dataDir, { recursive: true });
      if (linesInFile + 1 > cap * 2) {
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, items.map((one) => `${JSON.stringify(one)}\n`).join(''), {
          mode: 0o600,
        });
        renameSync(temporary, file);
        linesInFile = items.length;
      } else {
        appendFileSync(file, `${JSON.stringify(item)}\n`, { mode: 0o600 });
        linesInFile += 1;
      }
      for (const listener of listeners) listener(item);
      return item;
    },
    onAdded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The inbox as the file holds it, newest first, the newest `cap` only: for `tandem inbox`. */
export function readInbox(dataDir: string, cap = INBOX_CAP): InboxItem[] {
  return readLines(join(dataDir, INBOX_FILE)).slice(-cap).reverse();
}

function readLines(file: string): InboxItem[] {
  if (!existsSync(file)) return [];
  const items: InboxItem[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = z.safeParse(InboxItemSchema, JSON.parse(line));
      if (parsed.success) items.push(parsed.data);
    } catch {
      // a torn line (a crash mid-append): skipped, the rest is kept
    }
  }
  return items;
}
