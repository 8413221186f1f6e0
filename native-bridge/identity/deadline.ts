// Bounds for reading an identity: every shell call has its own timeout and the whole read has a
// deadline. Both are enforced here, so a runner that ignores its signal still cannot hang the read.
import { withAdbTimeout } from '../adb/adb-timeout.js';
import type { ShellRunner } from '../adb/shell.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';

export interface Deadline {
  /** Aborts with IdentityTimeout at the deadline, or with the caller's reason. */
  readonly signal: AbortSignal;
  dispose(): void;
}

export function startDeadline(totalMs: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    const message = `reading the phone identity took longer than ${totalMs} ms`;
    controller.abort(new BridgeError(BridgeErrorCode.IdentityTimeout, message));
  }, totalMs);
  const onParentAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

export type BoundedShell = (command: string) => Promise<string>;

/** Wraps a runner so each call settles by its timeout (AdbTimeout) or the deadline, whichever first. */
export function boundedShell(
  shell: ShellRunner,
  deadline: Deadline,
  timeoutMs: number,
): BoundedShell {
  return (command) =>
    withAdbTimeout(`adb shell "${command}"`, (signal) => shell(command, { timeoutMs, signal }), {
      timeoutMs,
      signal: deadline.signal,
    });
}
