// The `shell:` service (v1: raw bytes, then CLSE): parses the command line like sh, runs the
// builtins, applies `>/dev/null`-style redirections and the current reply delay.
import { parseShell, ShSyntaxError, type ShCommand } from './sh-parse.js';
import { runBuiltin, type CommandResult, type ShellContext } from './shell-commands.js';
import type { DeviceStream } from './stream.js';

export interface ShellServiceContext extends ShellContext {
  replyDelayMs(): number;
  log(line: string): void;
}

/** Runs one command line and returns everything it printed (stdout and stderr share the stream). */
export function runShellLine(line: string, ctx: ShellContext): string {
  let commands: ShCommand[];
  try {
    commands = parseShell(line);
  } catch (error) {
    if (error instanceof ShSyntaxError) return `/system/bin/sh: ${error.message}\n`;
    throw error;
  }
  let output = '';
  let status = 0;
  for (const command of commands) {
    if (command.after === '&&' && status !== 0) continue;
    if (command.after === '||' && status === 0) continue;
    const result = runBuiltin(command.argv, ctx);
    status = result.status;
    output += redirect(result, command);
  }
  return output;
}

function redirect(result: CommandResult, command: ShCommand): string {
  let { out, err } = result;
  for (const { fd, op, target } of command.redirects) {
    if (op === '>&' || op === '<&' || op === '<') continue; // 2>&1 changes nothing: v1 merges both.
    const dropped = fd === 2 ? err : out;
    if (fd === 1) out = '';
    if (fd === 2) err = '';
    if (target !== '/dev/null' && dropped !== '') {
      err += `/system/bin/sh: can't create ${target}: Read-only file system\n`;
    }
  }
  return out + err;
}

/** Pre-Nougat adbd ran `shell:` in a pty, so every line ended in CRLF. */
function toWire(text: string, ctx: ShellContext): string {
  return ctx.identity.sdk < 24 ? text.replace(/\r?\n/g, '\r\n') : text;
}

export function startShellService(
  command: string,
  stream: DeviceStream,
  ctx: ShellServiceContext,
): void {
  if (command.trim() === '') return startInteractive(stream, ctx);
  const delay = ctx.replyDelayMs();
  const reply = (): void => {
    if (stream.isClosed) return;
    const output = runShellLine(command, ctx);
    void stream.write(toWire(output, ctx)).then(() => stream.end());
  };
  if (delay > 0) setTimeout(reply, delay);
  else reply();
}

// `adb shell` with no command: a bare prompt that runs each line it receives.
function startInteractive(stream: DeviceStream, ctx: ShellServiceContext): void {
  const prompt = `${ctx.identity.device}:/ $ `;
  let pending = '';
  void stream.write(prompt);
  stream.onData = (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === 'exit') return void stream.end();
      void stream.write(toWire(`${line}\n${runShellLine(line, ctx)}`, ctx) + prompt);
    }
  };
}
