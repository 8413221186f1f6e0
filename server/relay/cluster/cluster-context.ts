// What a cluster session needs of its node (ClusterNode implements it), apart so that neither
// imports the other.
import type { RelayOptions } from '../relay-options.js';
import type { RelaySessionDeps } from '../relay-session-deps.js';
import type { ClusterTerminal } from './cluster-terminal.js';
import type { AppendBatcher } from './append-batcher.js';
import type { RedisLink } from './redis-link.js';

/** The session a terminal belongs to, as its node sees it. */
export interface TerminalOwner {
  /** Closes the terminal's link with `code`. */
  drop(terminal: ClusterTerminal, code: number, reason: string): void;
  /** Redis failed under it: the terminal reconnects and resumes (4503). */
  fail(terminal: ClusterTerminal): void;
}

export interface ClusterContext {
  readonly redis: RedisLink;
  /** Reliable messages go to Redis in one call per event-loop turn. */
  readonly appends: AppendBatcher;
  readonly deps: RelaySessionDeps & { now: () => number };
  readonly options: RelayOptions;
  /** How long a seat lease lasts unless renewed. */
  readonly leaseMs: number;
  now(): number;
  /** A connection id unique on this node, across its restarts too. */
  nextConn(): string;
  track(terminal: ClusterTerminal, owner: TerminalOwner): void;
  untrack(terminal: ClusterTerminal): void;
}
