// A received item (agent/session/received-item.ts) as the inbox keeps it: its kind (a file the phone
// sent as an image, or of an image type, is an image), the phone by masked identity and model
// (never the raw identity, never the serial of a QR-code session), and its size.
import type { ReceivedItem } from '../session/received-item.js';
import type { NewInboxItem } from './inbox-store.js';

export interface SendingPhone {
  model: string;
  identity: { masked: string } | null;
}

export function inboxEntry(item: ReceivedItem, phone: SendingPhone | undefined): NewInboxItem {
  const from = { from: phone?.identity?.masked ?? '', model: phone?.model ?? '' };
  switch (item.kind) {
    case 'text':
      return { ...from, kind: 'text', text: item.text, bytes: utf8Bytes(item.text) };
    case 'link':
      return {
        ...from,
        kind: 'link',
        url: item.url,
        ...(item.title ? { title: item.title } : {}),
        bytes: utf8Bytes(item.url),
      };
    case 'file':
      return {
        ...from,
        kind: item.image ? 'image' : 'file',
        path: item.path,
        name: item.name,
        bytes: item.bytes,
      };
  }
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
