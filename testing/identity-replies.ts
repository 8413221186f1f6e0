// Test helpers: fixture files and `service call` replies rendered the way Android's Parcel::print
// does (the fixtures hold captured text; these build variations of it).
import { readFileSync } from 'node:fs';
import type { ShellCallOptions, ShellRunner } from '../native-bridge/adb/shell.js';

export function fixture(name: string): string {
  return readFileSync(
    new URL(`../native-bridge/identity/fixtures/${name}`, import.meta.url),
    'utf8',
  );
}

function string16Words(text: string | null): number[] {
  if (text === null) return [0xffffffff];
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  units.push(0);
  if (units.length % 2) units.push(0);
  const words = [text.length];
  for (let i = 0; i < units.length; i += 2)
    words.push(((units[i + 1] ?? 0) << 16) | (units[i] ?? 0));
  return words.map((w) => w >>> 0);
}

const hex = (w: number): string => (w >>> 0).toString(16).padStart(8, '0');

/** A multi-line `Result: Parcel(` dump of the given words. */
export function renderParcel(words: number[]): string {
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 4) {
    const chunk = words.slice(i, i + 4);
    const cells = chunk.map((w) => `${hex(w)} `).join('') + ' '.repeat(9 * (4 - chunk.length));
    lines.push(`  0x${hex(i * 4)}: ${cells}'${'.'.repeat(chunk.length * 4).padEnd(16)}'`);
  }
  return `Result: Parcel(\n${lines.join('\n')})\n`;
}

export const stringReply = (text: string | null): string =>
  renderParcel([0, ...string16Words(text)]);
export const securityException = (message: string): string =>
  renderParcel([0xffffffff, ...string16Words(message), 0]);

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
