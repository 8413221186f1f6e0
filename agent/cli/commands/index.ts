// Every subcommand of `tandem`, in the order `--help` lists them. One line per command file.
import type { Command } from 'commander';
import { register as agent } from './agent.js';
import { register as status } from './status.js';
import { register as history } from './history.js';
import { register as devices } from './devices.js';
import { register as server } from './server.js';
import { register as phoneSim } from './phone-sim.js';
import { register as session } from './session.js';
import { register as relay } from './relay.js';
import { register as open } from './open.js';
import { register as send } from './send.js';
import { register as doctor } from './doctor.js';
import { register as inbox } from './inbox.js';
import { register as language } from './language.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  agent,
  status,
  history,
  devices,
  server,
  phoneSim,
  session,
  relay,
  open,
  send,
  doctor,
  inbox,
  language,
];
