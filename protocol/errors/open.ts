// `tandem open`: the codes it reports, told in the browser table's words; the CLI and the control
// API own them.
import { defineCatalogue } from '../coded-error.js';

export const openErrors = defineCatalogue({
  room: 'open',
  columns: { action: 'What the person can do' },
  continues: true,
  codes: {
    AGENT_NOT_RUNNING: {
      owner: 'control',
      when: '`tandem open` found no running agent for the data folder.',
      action: 'Start the agent (or pass the same `--data`).',
    },
    CONTROL_NOT_AVAILABLE: {
      owner: 'control',
      status: 503,
      when: 'The running agent has no browser session to open a URL in.',
      action: 'Start the agent with its browser session.',
    },
  },
});
