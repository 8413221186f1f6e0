// The entry of the built `tandem` (dist/tandem.js): runs the CLI on this process's arguments.
import { main } from './main.js';

process.exitCode = await main(process.argv);
