// The relay's global memory budget: the bytes every session holds (queued for an absent peer, kept
// for resume, latest-wins frames waiting for room, and what sits in a ws send buffer for a peer that
// does not read) must stay under one limit across all sessions. Per-session caps alone do not bound
// the process: sessions cost one POST each and live for hours. Over the budget, the relay sheds
// whole sessions, absent-peer queues first, then stalled (non-reading) connections, largest first;
// a session that is being read is never shed.
import { totalmem } from 'node:os';
import { RelayErrorCode } from '../../protocol/relay-errors.js';

/** By default the relay may hold this share of the machine's memory in relayed frames. */
export const DEFAULT_BUDGET_SHARE = 1 / 8;
/** The smallest budget accepted: below it a single session's soft window could not fit. */
export const MIN_BUDGET_BYTES = 16 * 1024 * 1024;
/** Overrides the default (in MiB) wherever the relay option is not given. */
export const MEMORY_BUDGET_ENV = 'TANDEM_RELAY_MEMORY_BUDGET_MB';
/** A connected terminal that holds bytes and made no progress (acked nothing) this long is stalled. */
export const STALL_MS = 5_000;
/** How often the budget is checked besides when queued bytes cross it (ws buffers grow unseen). */
export const BUDGET_CHECK_MS = 1_000;

const MIB = 1024 * 1024;

/** The budget when none is configured: $TANDEM_RELAY_MEMORY_BUDGET_MB, else a share of memory. */
export function defaultMemoryBudget(
  env: NodeJS.ProcessEnv = process.env,
  machineBytes: number = totalmem(),
): number {
  const fromEnv = parseBudgetMiB(env[MEMORY_BUDGET_ENV]);
  if (fromEnv !== undefined) return fromEnv;
  return Math.max(MIN_BUDGET_BYTES, Math.floor(machineBytes * DEFAULT_BUDGET_SHARE));
}

/** A budget in MiB as text (flag or env) to bytes; undefined when absent, RangeError when bad. */
export function parseBudgetMiB(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const mib = Number(text);
  if (!Number.isFinite(mib) || mib * MIB < MIN_BUDGET_BYTES) {
    throw new RangeError(
      `relay memory budget: expected a number of MiB, at least ${MIN_BUDGET_BYTES / MIB}`,
    );
  }
  return Math.floor(mib * MIB);
}

/** The bytes every role slot queues (reliable and latest-wins), kept exact on each change. */
export class HeldBytes {
  total = 0;
}

/**
 * absent: holds bytes for a terminal that is not connected (never joined, away, or gone);
 * stalled: a connected terminal holds bytes and has not made progress for STALL_MS;
 * healthy: everything else, never shed.
 */
export type MemoryKind = 'absent' | 'stalled' | 'healthy';

export interface MemoryUse {
  kind: MemoryKind;
  /**
   * Queued and latest-wins bytes of both slots plus the ws buffers of both links. A queued frame
   * already handed to ws counts twice until it is flushed to the kernel: an overestimate of at
   * most the high-water mark (plus one frame) per connection, on the safe side.
   */
  bytes: number;
}

export interface ShedCandidate<T> extends MemoryUse {
  item: T;
  /** When the session was created: the older goes first between equal sizes. */
  createdAt: number;
}

const RANK: Record<MemoryKind, number> = { absent: 0, stalled: 1, healthy: 2 };

/**
 * Which sessions to shed so that at least `excess` bytes go: absent-peer queues first, then stalled
 * connections, each largest first and older first between equal sizes. Healthy ones never; sessions
 * that hold nothing are not shed (shedding them frees nothing).
 */
export function shedOrder<T>(candidates: readonly ShedCandidate<T>[], excess: number): T[] {
  const eligible = candidates
    .filter((c) => c.kind !== 'healthy' && c.bytes > 0)
    .sort((a, b) => RANK[a.kind] - RANK[b.kind] || b.bytes - a.bytes || a.createdAt - b.createdAt);
  const chosen: T[] = [];
  let freed = 0;
  for (const candidate of eligible) {
    if (freed >= excess) break;
    chosen.push(candidate.item);
    freed += candidate.bytes;
  }
  return chosen;
}

/** What a shed session's terminals are told before their close (4507), in memory or across nodes. */
export const OVER_BUDGET_FRAME = JSON.stringify({
  t: 'error',
  code: RelayErrorCode.OverBudget,
  message: 'the relay is over its memory budget and ended this session',
});

export interface BudgetedSession {
  readonly createdAt: number;
  memoryUse(now: number): MemoryUse;
  /** Closes both terminals with the budget's close code and frees what the session held. */
  shed(): void;
}

export interface BudgetReport {
  heldBytes: number;
  budgetBytes: number;
  shed: number;
}

/**
 * Enforces the budget over `sessions()`. `check()` is the hot path's call after bytes were queued:
 * one comparison, and the scan runs at the end of the turn, never inside a session's forwarding.
 */
export class RelayMemoryBudget {
  /** Sessions shed since start: a stat. */
  shedTotal = 0;
  private pending = false;
  /**
   * ws send-buffer bytes at the last full check: the hot path cannot see them, so it adds the last
   * known amount to the exact queued count (a slow reader's buffer changes little between checks).
   */
  private bufferedEstimate = 0;

  constructor(
    readonly limit: number,
    readonly held: HeldBytes,
    private readonly deps: {
      sessions: () => Iterable<BudgetedSession>;
      now: () => number;
      defer: (fn: () => void) => void;
      onShed?: (report: BudgetReport) => void;
    },
  ) {}

  check(): void {
    if (this.pending || this.held.total + this.bufferedEstimate <= this.limit) return;
    this.pending = true;
    this.deps.defer(() => {
      this.pending = false;
      this.enforce();
    });
  }

  /** Everything held now, ws buffers included. */
  heldBytes(): number {
    const now = this.deps.now();
    let total = 0;
    for (const session of this.deps.sessions()) total += session.memoryUse(now).bytes;
    return total;
  }

  /** Sheds sessions until the held bytes fit the budget (or only healthy ones are left). */
  enforce(): BudgetReport {
    const now = this.deps.now();
    const candidates: ShedCandidate<BudgetedSession>[] = [];
    let total = 0;
    for (const session of this.deps.sessions()) {
      const use = session.memoryUse(now);
      total += use.bytes;
      if (use.bytes > 0) candidates.push({ ...use, item: session, createdAt: session.createdAt });
    }
    // Every slot's queued bytes are in `held`: the rest of the total sits in ws send buffers.
    this.bufferedEstimate = Math.max(0, total - this.held.total);
    if (total <= this.limit) return { heldBytes: total, budgetBytes: this.limit, shed: 0 };
    const victims = shedOrder(candidates, total - this.limit);
    for (const session of victims) session.shed();
    this.shedTotal += victims.length;
    const report = { heldBytes: total, budgetBytes: this.limit, shed: victims.length };
    if (victims.length > 0) this.deps.onShed?.(report);
    return report;
  }
}
