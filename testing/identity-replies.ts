// Test helpers: fixture files and `service call` replies rendered the way Android's Parcel::print
// does (the fixtures hold captured text; these build variations of it with the simulated phone's
// own Parcel encoder, phone-sim/parcel.ts).
import { readFileSync } from 'node:fs';
import type { ShellCallOptions, ShellRunner } from '../native-bridge/adb/shell.js';
import {
  formatParcelResult,
  ParcelWriter,
  securityExceptionReply,
  stringReply as stringParcel,
} from '../phone-sim/parcel.js';

export function fixture(name: string): string {
  return readFileSync(
    new URL(`../native-bridge/identity/fixtures/${name}`, import.meta.url),
    'utf8',
  );
}

/** A `Result: Parcel(` dump of the given 32-bit words, printed as the simulated phone prints. */
export function renderParcel(words: number[]): string {
  const parcel = new ParcelWriter();
  for (const word of words) parcel.writeInt32(word);
  return formatParcelResult(parcel.toBuffer());
}

export const stringReply = (text: string | null): string => formatParcelResult(stringParcel(text));
export const securityException = (message: string): string =>
  formatParcelResult(securityExceptionReply(message));

export type Reply = string | Error | ((options: ShellCallOptions) => Promise<string>);

/** A scripted phone: each command's reply; unknown commands answer like a shell that lacks them. */
export function scriptedShell(replies: Record<string, Reply>): ShellRunner & { calls: string[] } {
  const calls: string[] = [];
  const run = async (command: string, options: ShellCallOptions): Promise<string> => {
    calls.push(command);
    const reply = replies[command];
    if (reply === undefined) return `/system/bin/sh: ${command.split(' ')[0]}: inaccessible\n`;
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(options) : reply;
  };
  return Object.assign(run, { calls });
}
