// Every subcommand of `tandem`, in the order `--help` lists them. One line per command file.
import type { Command } from 'commander';
import { register as server } from './server.js';
import { register as phoneSim } from './phone-sim.js';
import { register as open } from './open.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [server, phoneSim, open];
