// What a relay session is given: the relay's options and logger, and the clocks it runs on.
import type { HeldBytes } from './memory-budget.js';
import type { RelayOptions } from './relay-options.js';
import type { RelayLogger } from './relay-logger.js';

export interface RelaySessionDeps {
  options: RelayOptions;
  log: RelayLogger;
  /** Runs `fn` after `ms`; returns a cancel function. Injected so unit tests control time. */
  schedule: (fn: () => void, ms: number) => () => void;
  /** Runs `fn` at the end of this turn: acks that must not wait. */
  defer: (fn: () => void) => void;
  /** Runs `fn` after ACK_POLICY.relayDelayMs, with every other delayed ack on one timer. */
  delay: (fn: () => void) => void;
  now?: () => number;
  /** The relay-wide count of queued bytes, and the budget told each time it grows. */
  held?: HeldBytes;
  budget?: { check(): void };
}
