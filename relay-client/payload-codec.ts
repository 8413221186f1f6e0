// Sealing, as the client uses it: a message becomes the payload of a msg frame (sealed with
// AES-GCM under the key of the URL fragment, or plain in a session without one) that must fit in
// one relay frame; a received payload is opened and checked against the message schemas.
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { MAX_FRAME_BYTES, type Role } from '../protocol/relay-frames.js';
import { RelayMessageSchema, type RelayMessage } from '../protocol/relay-messages.js';
import type { SessionUrlParts } from '../protocol/session-url.js';
import type { AeadKey } from './aead.js';
import { importSealKey, openBytes, seal, sealAad } from './sealing.js';
import { messageOf, plaintextOf } from './sealed-plaintext.js';

/** What a msg frame adds around its payload: v, t, mode, seq, type and key, with room to spare. */
const FRAME_ENVELOPE_BYTES = 256;

/** A msg frame's payload: the sealed text, or the message itself in a session without a key. */
export type FramePayload = { sealed: string } | { body: RelayMessage };

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export class PayloadCodec {
  private readonly key: Promise<AeadKey> | undefined;
  private readonly peerRole: Role;

  /** Throws SESSION_URL_INVALID for a URL without `#key` unless plaintext is allowed. */
  constructor(
    parts: SessionUrlParts,
    private readonly role: Role,
    requireSealing: boolean,
  ) {
    if (parts.sealKey === undefined && requireSealing) {
      throw new RelayError(
        RelayErrorCode.SessionUrlInvalid,
        'the session URL has no #key for end-to-end encryption',
      );
    }
    this.key = parts.sealKey === undefined ? undefined : importSealKey(parts.sealKey);
    this.peerRole = role === 'pc' ? 'phone' : 'pc';
  }

  /** The payload for `message`; MESSAGE_TOO_LARGE when it would not fit in one relay frame. */
  async payloadOf(message: RelayMessage): Promise<FramePayload> {
    const key = this.key ? await this.key : undefined;
    const payload: FramePayload = key
      ? { sealed: await seal(key, sealAad(this.role, message.type), plaintextOf(message)) }
      : { body: message };
    // The relay would close the connection (1009), and a reliable frame would be resent after every
    // reconnect: refuse it here instead.
    const payloadBytes =
      'sealed' in payload ? payload.sealed.length : utf8Length(JSON.stringify(message));
    if (payloadBytes + FRAME_ENVELOPE_BYTES > MAX_FRAME_BYTES) {
      throw new RelayError(
        RelayErrorCode.MessageTooLarge,
        `a ${message.type} message of ${payloadBytes} bytes does not fit in one relay frame`,
      );
    }
    return payload;
  }

  /** The peer's message of `type`: DECRYPT_FAILED or MESSAGE_INVALID when it is not one. */
  async messageOf(type: string, sealed: string | undefined, body: unknown): Promise<RelayMessage> {
    let json: unknown = body;
    if (this.key) {
      if (sealed === undefined)
        throw new RelayError(RelayErrorCode.DecryptFailed, 'an unsealed message was dropped');
      json = messageOf(type, await openBytes(await this.key, sealAad(this.peerRole, type), sealed));
    }
    const message = RelayMessageSchema.safeParse(json);
    if (!message.success || message.data.type !== type) {
      throw new RelayError(
        RelayErrorCode.MessageInvalid,
        `the peer sent an invalid ${type} message`,
      );
    }
    return message.data;
  }
}
