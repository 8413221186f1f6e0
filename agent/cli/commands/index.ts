// Every subcommand of `tandem`, in the order `--help` lists them. One line per command file.
import type { Command } from 'commander';
import { register as server } from './server.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [server];
