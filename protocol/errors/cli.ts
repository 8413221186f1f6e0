// The CLI's own codes. The CLI also prints any other room's code it was handed (`CliError`).
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const cliErrors = defineCatalogue({
  room: 'cli',
  columns: { status: 'Status' },
  continues: true,
  codes: {
    AGENT_RUNNING: {
      when: '`tandem doctor --repair` while an agent runs on the data folder: stop it first (the repair moves its database).',
    },
  },
  shared: ['INVALID_ARGUMENT'],
});

export type CliErrorCode = CodeOf<typeof cliErrors>;
