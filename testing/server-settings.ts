// The options of `tandem server` as commander holds them (flag, environment variable, default), for
// the tests that hold the documentation's settings table and the deployment files to the code.
import { Command } from 'commander';
import { register } from '../agent/cli/commands/server.js';

export interface ServerSetting {
  /** The long flag, e.g. `--port`. */
  flag: string;
  /** The environment variable commander reads for it, when it is declared on the option. */
  env: string | undefined;
  defaultValue: unknown;
}

export function serverSettings(): ServerSetting[] {
  const program = new Command();
  register(program);
  const server = program.commands.find((command) => command.name() === 'server');
  if (!server) throw new Error('no server command');
  return server.options.map((option) => ({
    flag: option.long ?? option.flags,
    env: option.envVar,
    defaultValue: option.defaultValue,
  }));
}
