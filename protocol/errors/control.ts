// The agent's local control API (`tandem status`, `history`, `forget`, `release`, `pause`,
// `resume`, `send`, `open`, the UI): each code with the HTTP status it answers with. The agent raises
// them as `ControlError` (agent/control/control-error.ts).
import { defineCatalogue, type CodeEntry, type CodeOf } from '../coded-error.js';
import { inboxErrors } from './inbox.js';
import { sendErrors } from './send.js';

export const controlErrors = defineCatalogue({
  room: 'control',
  intro: [
    `The local control API (\`tandem status\`, \`history\`, \`forget\`, \`release\`, \`pause\`, \`resume\`, the UI)
answers \`{ "error": { "code", "message" } }\`:`,
  ],
  columns: { status: 'Status' },
  codes: {
    CONTROL_BAD_HOST: {
      status: 403,
      when: 'The Host header is not `127.0.0.1:PORT` or `localhost:PORT` (DNS rebinding).',
    },
    CONTROL_BAD_ORIGIN: { status: 403, when: 'A browser request from another origin.' },
    CONTROL_UNAUTHORIZED: { status: 401, when: 'No token, or not the one in `agent.json`.' },
    CONTROL_BAD_REQUEST: {
      status: 400,
      when: 'A malformed body (e.g. no `target`), or a request that is not valid HTTP or whose URL does not decode.',
    },
    CONTROL_PAYLOAD_TOO_LARGE: { status: 413, when: "A body over the API's limit." },
    CONTROL_NOT_FOUND: { status: 404, when: 'No such route or method on the control API.' },
    HISTORY_NOT_FOUND: {
      status: 404,
      when: 'No paired phone matches the serial or masked identity given.',
    },
    HISTORY_AMBIGUOUS: {
      status: 409,
      when: 'Several paired phones match; give the full masked identity.',
    },
    RELEASE_NEEDS_PHONE: {
      status: 409,
      when: 'Release needs the phone attached: the server knows it only by a keyed hash of its identity, which the agent has only while the phone is plugged in.',
    },
    PHONE_NOT_ATTACHED: {
      status: 404,
      when: '`POST /api/phones/check` or `/api/phones/takeover`: no plugged-in phone has that serial or masked identity.',
    },
    TAKEOVER_NOT_BOUND_ELSEWHERE: {
      status: 409,
      when: '`POST /api/phones/takeover`: the phone is not (or no longer) paired with another computer, or its identity is not read yet.',
    },
    CONTROL_NOT_AVAILABLE: {
      status: 503,
      when: 'The agent runs without what the request needs: no browser session (open, tabs, send the page), or no sending to phones.',
    },
    AGENT_NOT_RUNNING: {
      when: 'The CLI found no running agent for the data folder (or it does not answer).',
    },
    AGENT_ERROR: {
      when: 'The agent answered with an error but no code (an older or foreign agent on the port); the message is its HTTP status.',
    },
  },
});

export type ControlErrorCode =
  CodeOf<typeof controlErrors> | CodeOf<typeof sendErrors> | CodeOf<typeof inboxErrors>;

/** The HTTP status the control API answers a code with; undefined for the CLI's side. */
export function controlStatus(code: ControlErrorCode): number | undefined {
  const entries: Readonly<Record<string, CodeEntry>> = {
    ...controlErrors.codes,
    ...sendErrors.codes,
    ...inboxErrors.codes,
  };
  return entries[code]?.status;
}
