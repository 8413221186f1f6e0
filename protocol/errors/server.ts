// The pairing server: every failure answers this HTTP status with `{ error: { code, message } }`.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const serverErrors = defineCatalogue({
  room: 'server',
  heading: "Pairing server (server/, and the agent's client for it)",
  intro: [
    `The server answers every failure with HTTP status + \`{ "error": { "code", "message" } }\`; messages
name fields and rules, never the values sent (a rejected value could be an IMEI). Catalogue:
\`protocol/errors/server.ts\`; the server raises them as \`ServerError\` (\`server/errors.ts\`).`,
  ],
  columns: { status: 'HTTP', action: 'What the caller can do' },
  codes: {
    VALIDATION_FAILED: {
      name: 'ValidationFailed',
      status: 400,
      when: 'The body breaks the schema: missing/extra field, wrong type, unknown identity kind, IMEI not 15 digits or wrong check digit, serial/android_id not 1–64 printable characters.',
      action: 'Fix the request; the message names the field.',
    },
    MALFORMED_JSON: {
      name: 'MalformedJson',
      status: 400,
      when: 'The body is not valid JSON, is empty, or does not match Content-Length.',
      action: 'Send valid JSON.',
    },
    MALFORMED_REQUEST: {
      name: 'MalformedRequest',
      status: 400,
      when: "The request is not valid HTTP: an unparsable request line or header (a lower-case or unknown method, say), a URL that does not decode (`%00`, `%ff`), or (status 431) headers over Node's size limit. Answered before any route; the connection is closed.",
      action: 'Send a well-formed request.',
    },
    UNSUPPORTED_MEDIA_TYPE: {
      name: 'UnsupportedMediaType',
      status: 415,
      when: 'A body that is not `application/json`.',
      action: 'Send `content-type: application/json`.',
    },
    PAYLOAD_TOO_LARGE: {
      name: 'PayloadTooLarge',
      status: 413,
      when: 'The body exceeds the body limit (16 KB by default).',
      action: 'Send less.',
    },
    UNAUTHENTICATED: {
      name: 'Unauthenticated',
      status: 401,
      when: 'No `Authorization: Bearer <clientId>.<credential>`, a malformed one, an unknown client or a wrong credential (the last two get the same answer; `WWW-Authenticate: Bearer`).',
      action:
        "Register with `POST /v1/clients` (the agent's `ensureAccount(..., { verify: true })` does it).",
    },
    BINDING_CONFLICT: {
      name: 'BindingConflict',
      status: 409,
      when: '`POST /v1/bindings`: the phone is bound to another client (also: that client won a race). The owner is never named.',
      action:
        'Leave the phone alone (`bound-elsewhere`); it is free once its owner releases it or after `--binding-ttl-days` without use.',
    },
    NOT_BINDING_OWNER: {
      name: 'NotBindingOwner',
      status: 403,
      when: 'Release or touch of a phone bound to another client, or touch of an unbound phone.',
      action: 'Nothing: only the owner can.',
    },
    BINDING_MOVED: {
      name: 'BindingMoved',
      status: 409,
      when: "Lookup or touch by a phone's former owner: its person moved the phone to another computer with a takeover confirmed on the phone itself. The new owner is never named.",
      action:
        'Tell the person the phone now works with another computer; forget it here. It comes back only by a takeover confirmed on the phone, or once released there.',
    },
    TAKEOVER_NOT_NEEDED: {
      name: 'TakeoverNotNeeded',
      status: 409,
      when: '`POST /v1/bindings/takeover-ticket`: the phone is not bound to another client (unbound, or already yours).',
      action: 'Pair it as usual (look it up again).',
    },
    TAKEOVER_TICKET_EXPIRED: {
      name: 'TakeoverTicketExpired',
      status: 410,
      when: '`POST /v1/takeover/confirm`: the ticket is older than its 2 minutes.',
      action: 'Ask for a new one ("Use it on this computer" again).',
    },
    TAKEOVER_TICKET_USED: {
      name: 'TakeoverTicketUsed',
      status: 409,
      when: '`POST /v1/takeover/confirm`: the ticket already moved the phone (a ticket moves once).',
      action: 'Nothing: the phone is already bound to the computer that asked.',
    },
    TAKEOVER_TICKET_WRONG_PHONE: {
      name: 'TakeoverTicketWrongPhone',
      status: 403,
      when: "`POST /v1/takeover/confirm`: the ticket is not this server's, was altered, or names a binding the phone no longer has (released, bound afresh or moved meanwhile).",
      action: 'Ask for a new ticket for the phone as it is now.',
    },
    RATE_LIMITED: {
      name: 'RateLimited',
      status: 429,
      when: 'More requests than the limit (default 1000 per minute per client, or per IP before authentication).',
      action: 'Wait `Retry-After` seconds.',
    },
    ADDRESS_RATE_LIMITED: {
      name: 'AddressRateLimited',
      status: 429,
      when: "More requests from one client address than its budget (default 6000 per minute, all its accounts together; `tandem server --requests-per-minute`). The address is the TCP peer's: behind a reverse proxy every client shares the proxy's.",
      action: 'Wait `Retry-After` seconds.',
    },
    ADDRESS_ACCOUNT_LIMIT: {
      name: 'AddressAccountLimit',
      status: 429,
      when: '`POST /v1/clients`: more accounts registered from one address this hour than allowed (default 100; `--accounts-per-hour`).',
      action: 'Reuse the stored account; wait `Retry-After` seconds.',
    },
    ADDRESS_SESSION_LIMIT: {
      name: 'AddressSessionLimit',
      status: 429,
      when: '`POST /v1/sessions`: more sessions created from one address this hour than allowed, all its accounts together (default 1000; `--sessions-per-hour`).',
      action: 'Wait `Retry-After` seconds.',
    },
    HOST_NOT_ALLOWED: {
      name: 'HostNotAllowed',
      status: 421,
      when: "The `Host` header is not one of the server's names (any HTTP route, and the relay upgrade): the loopback names `localhost`, `127.0.0.1`, `[::1]` with the server's port, its LAN addresses when bound to `0.0.0.0` or a LAN address, and `--allowed-host` names. A DNS-rebinding page reaches a loopback server under its own name and is refused here.",
      action: "Use one of the server's names, or start it with `--allowed-host <name>`.",
    },
    NOT_FOUND: {
      name: 'NotFound',
      status: 404,
      when: 'No such route or method.',
      action: 'Check `GET /openapi.json`.',
    },
    STORE_UNAVAILABLE: {
      name: 'StoreUnavailable',
      status: 503,
      when: "The server's PostgreSQL store (`tandem server --database`) is down, unreachable or out of connections; the request was not carried out. Answered with `Retry-After`.",
      action:
        'Retry after `Retry-After` seconds (the agent shows `failed (SERVER_UNREACHABLE)` and retries by itself); operators: bring PostgreSQL back.',
    },
    DEPENDENCY_FAILING: {
      name: 'DependencyFailing',
      status: 503,
      when: '`GET /healthz`: a dependency check failed or took longer than its bound (2 s); the body also lists each check (`checks`) and the failed ones (`failed`).',
      action:
        'Look at the failed dependency (the store, Redis); the server answers again by itself once it is back.',
    },
    NOT_READY: {
      name: 'NotReady',
      status: 503,
      when: '`GET /readyz`: a dependency check failed, or the server is draining after SIGTERM (`draining: true`); the body lists the checks.',
      action:
        'Send traffic to another node; a draining node does not come back, a failing one does once its dependency is back.',
    },
    INTERNAL: {
      name: 'Internal',
      status: 500,
      when: 'An unexpected failure; logged on the server without request data.',
      action: 'Retry; report the server log line.',
    },
  },
});

export type ServerErrorCode = CodeOf<typeof serverErrors>;
