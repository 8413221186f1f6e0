// Files (and images) over the relay: a begin message with size and SHA-256, fixed-size chunks, an
// end. The receiver assembles, checks size and hash, and reports progress back (latest-wins).
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { FILE_CHUNK_BYTES, MAX_FILE_BYTES, type RelayMessage } from '../protocol/relay-messages.js';
import { cryptoBackend } from './aead.js';
import { base64ToBytes, bytesToBase64, bytesToBase64url, bytesToHex } from './base64.js';

export interface OutgoingFile {
  name: string;
  mime: string;
  kind: 'file' | 'image';
  bytes: Uint8Array<ArrayBuffer>;
}

export interface ReceivedFile extends OutgoingFile {
  id: string;
  sha256: string;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(await (await cryptoBackend()).sha256(bytes));
}

/** Sends one file through `send` (the client's send); `onProgress` gets the bytes handed over. */
export async function sendFile(
  send: (message: RelayMessage) => Promise<void>,
  file: OutgoingFile,
  options: { maxBytes?: number; onProgress?: (sent: number, size: number) => void } = {},
): Promise<string> {
  const size = file.bytes.length;
  const maxBytes = Math.min(options.maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
  if (size > maxBytes) {
    throw new RelayError(
      RelayErrorCode.FileTooLarge,
      `${file.name} is larger than ${maxBytes} bytes`,
    );
  }
  const id = bytesToBase64url(crypto.getRandomValues(new Uint8Array(12)));
  const sha256 = await sha256Hex(file.bytes);
  const { name, mime, kind } = file;
  await send({
    type: 'data.file.begin',
    id,
    kind,
    name,
    mime,
    size,
    sha256,
    chunkBytes: FILE_CHUNK_BYTES,
  });
  for (let offset = 0, index = 0; offset < size; offset += FILE_CHUNK_BYTES, index++) {
    const data = bytesToBase64(file.bytes.subarray(offset, offset + FILE_CHUNK_BYTES));
    await send({ type: 'data.file.chunk', id, index, data });
    options.onProgress?.(Math.min(size, offset + FILE_CHUNK_BYTES), size);
  }
  await send({ type: 'data.file.end', id });
  return id;
}

interface Assembly {
  begin: Extract<RelayMessage, { type: 'data.file.begin' }>;
  chunks: Uint8Array[];
  received: number;
}

export type FileEvent =
  | { event: 'progress'; id: string; name: string; received: number; size: number }
  | { event: 'complete'; file: ReceivedFile }
  | { event: 'failed'; id: string; name: string; code: string; message: string };

/** Rebuilds the files a peer sends; feed it every data.file.* message in order. */
export class FileAssembler {
  private readonly open = new Map<string, Assembly>();

  constructor(private readonly maxBytes = MAX_FILE_BYTES) {}

  async handle(message: RelayMessage): Promise<FileEvent | undefined> {
    switch (message.type) {
      case 'data.file.begin':
        if (message.size > this.maxBytes) {
          return this.fail(
            message.id,
            message.name,
            RelayErrorCode.FileTooLarge,
            'the file is too large',
          );
        }
        this.open.set(message.id, { begin: message, chunks: [], received: 0 });
        return {
          event: 'progress',
          id: message.id,
          name: message.name,
          received: 0,
          size: message.size,
        };
      case 'data.file.chunk': {
        const assembly = this.open.get(message.id);
        if (!assembly) return undefined;
        const bytes = base64ToBytes(message.data);
        assembly.received += bytes.length;
        if (message.index !== assembly.chunks.length || assembly.received > assembly.begin.size) {
          this.open.delete(message.id);
          return this.fail(
            message.id,
            assembly.begin.name,
            RelayErrorCode.MessageInvalid,
            'chunks out of order',
          );
        }
        assembly.chunks.push(bytes);
        const { name, size } = assembly.begin;
        return { event: 'progress', id: message.id, name, received: assembly.received, size };
      }
      case 'data.file.end':
        return this.finish(message.id);
      case 'data.file.abort': {
        const assembly = this.open.get(message.id);
        this.open.delete(message.id);
        return assembly
          ? this.fail(
              message.id,
              assembly.begin.name,
              RelayErrorCode.ConnectionClosed,
              message.reason,
            )
          : undefined;
      }
      default:
        return undefined;
    }
  }

  private async finish(id: string): Promise<FileEvent | undefined> {
    const assembly = this.open.get(id);
    if (!assembly) return undefined;
    this.open.delete(id);
    const { begin } = assembly;
    const bytes = new Uint8Array(assembly.received);
    let offset = 0;
    for (const chunk of assembly.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    if (bytes.length !== begin.size || (await sha256Hex(bytes)) !== begin.sha256) {
      return this.fail(
        id,
        begin.name,
        RelayErrorCode.FileChecksumMismatch,
        'the file arrived damaged',
      );
    }
    const file = {
      id,
      name: begin.name,
      mime: begin.mime,
      kind: begin.kind,
      bytes,
      sha256: begin.sha256,
    };
    return { event: 'complete', file };
  }

  private fail(id: string, name: string, code: string, message: string): FileEvent {
    return { event: 'failed', id, name, code, message };
  }
}

/** The `data.file.progress` a receiver sends back for a FileAssembler event (the sender shows it). */
export function progressMessageFor(
  event: FileEvent,
): Extract<RelayMessage, { type: 'data.file.progress' }> {
  const id = event.event === 'complete' ? event.file.id : event.id;
  const size =
    event.event === 'complete'
      ? event.file.bytes.length
      : event.event === 'progress'
        ? event.size
        : 0;
  const received = event.event === 'progress' ? event.received : size;
  return {
    type: 'data.file.progress',
    id,
    received,
    size,
    done: event.event !== 'progress',
    ok: event.event === 'complete',
  };
}
