// The takeover's paths on the pairing server, apart from its schemas (protocol/takeover.ts) so the
// confirmation page's small script does not bundle zod.

/** The confirmation page the agent opens on the phone, `#<ticket>` appended. */
export const TAKEOVER_PAGE_PATH = '/takeover';
/** The confirmation page's own small script (not the session page's bundle). */
export const TAKEOVER_SCRIPT_PATH = '/m/takeover.js';
export const TAKEOVER_TICKET_PATH = '/v1/bindings/takeover-ticket';
export const TAKEOVER_CONFIRM_PATH = '/v1/takeover/confirm';
