// Moving a phone bound to another computer to this one, confirmed on the phone itself: the agent
// asks the pairing server for a ticket, opens the confirmation page on the phone over USB with the
// ticket in its fragment, and the page sends the ticket back when the person taps "Move to this
// computer". The ticket is sealed: the phone and the agent see an opaque string.
import { z } from 'zod';
import { TAKEOVER_PAGE_PATH } from './takeover-paths.js';

export * from './takeover-paths.js';

const ticket = z
  .string()
  .min(16)
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'a ticket is base64url');

export const TakeoverTicketResponseSchema = z.object({
  ticket,
  expiresAt: z.iso.datetime(),
});
export type TakeoverTicketResponse = z.infer<typeof TakeoverTicketResponseSchema>;

export const TakeoverConfirmRequestSchema = z.strictObject({ ticket });
export type TakeoverConfirmRequest = z.infer<typeof TakeoverConfirmRequestSchema>;

export const TakeoverConfirmResponseSchema = z.object({ status: z.literal('moved') });
export type TakeoverConfirmResponse = z.infer<typeof TakeoverConfirmResponseSchema>;

/** The confirmation page's address on the phone: the ticket in the fragment, never sent in a request line. */
export function takeoverPageUrl(server: string, ticketValue: string): string {
  return `${server.replace(/\/+$/, '')}${TAKEOVER_PAGE_PATH}#${ticketValue}`;
}
