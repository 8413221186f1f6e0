// Takeover tickets sealed with AES-256-GCM under a key derived from server.key: opaque to the agent
// and the phone (the old owner is never named), unforgeable, and readable by every node that shares
// the key. One-time use and expiry are the pairing rules' (server/pairing-rules.ts).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TakeoverTicket } from './pairing-rules.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const PayloadSchema = z.object({
  h: z.string().length(64),
  k: z.enum(['imei', 'serial', 'android_id']),
  to: z.string().min(1),
  from: z.string().min(1),
  c: z.number().int(),
  exp: z.number().int(),
});

export interface TicketSealer {
  seal(ticket: TakeoverTicket): string;
  /** The ticket, or undefined when it is not one this server sealed (or it was altered). */
  open(sealed: string): TakeoverTicket | undefined;
}

export function ticketSealer(serverKey: Uint8Array): TicketSealer {
  const key = Buffer.from(
    hkdfSync('sha256', serverKey, Buffer.alloc(0), 'tandem takeover ticket', 32),
  );
  return {
    seal(ticket) {
      const payload = {
        h: ticket.identityHash,
        k: ticket.kind,
        to: ticket.toClientId,
        from: ticket.fromClientId,
        c: ticket.createdAt,
        exp: Math.floor(ticket.expiresAt),
      };
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const text = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
        const parsed = PayloadSchema.safeParse(JSON.parse(text));
        if (!parsed.success) return undefined;
        const p = parsed.data;
        return {
          identityHash: p.h,
          kind: p.k,
          toClientId: p.to,
          fromClientId: p.from,
          createdAt: p.c,
          expiresAt: p.exp,
        };
      } catch {
        return undefined;
      }
    },
  };
}
