// The relay's tunables, validated once and frozen. Defaults suit one embedded server on loopback.
import { z } from 'zod';
import { MAX_FRAME_BYTES } from '../../protocol/relay-frames.js';
import { defaultMemoryBudget, MIN_BUDGET_BYTES } from './memory-budget.js';

const ms = z.number().int().min(1);
const bytes = z.number().int().min(1024);

export const RelayOptionsSchema = z.strictObject({
  /** How long a session can be joined after creation. */
  sessionTtlMs: ms.default(24 * 60 * 60 * 1000),
  /** A dropped terminal that comes back within this window resumes where it left off. */
  graceMs: z.number().int().min(0).default(60_000),
  /** Ping interval; a terminal silent for two intervals is dropped. */
  heartbeatMs: ms.default(15_000),
  /** Largest accepted WebSocket frame; larger closes the connection with 1009. */
  maxPayload: bytes.default(MAX_FRAME_BYTES),
  /** Token-bucket rate per connection: sustained messages and bytes per second, and bursts. */
  messagesPerSecond: z.number().min(1).default(2_000),
  messageBurst: z.number().min(1).default(4_000),
  bytesPerSecond: z
    .number()
    .min(1024)
    .default(32 * 1024 * 1024),
  byteBurst: z
    .number()
    .min(1024)
    .default(64 * 1024 * 1024),
  /** Above this ws.bufferedAmount the relay stops writing to a terminal and coalesces latest-wins. */
  highWaterBytes: bytes.default(512 * 1024),
  /** Reliable bytes queued for a terminal before the relay withholds acks from its peer. */
  queueSoftBytes: bytes.default(8 * 1024 * 1024),
  /** Past this the sender ignored flow control: its connection is closed. */
  queueHardBytes: bytes.default(32 * 1024 * 1024),
  /**
   * Bytes all sessions together may hold (queued, latest-wins, ws send buffers); over it the relay
   * sheds absent-peer and stalled sessions. Default: $TANDEM_RELAY_MEMORY_BUDGET_MB, else 1/8 of
   * the machine's memory (see memory-budget.ts).
   */
  memoryBudgetBytes: z.number().int().min(MIN_BUDGET_BYTES).optional(),
  /** Browser origins accepted besides the server's own (same Host). */
  allowedOrigins: z.array(z.string().url()).default([]),
});

export type RelayOptionsInput = z.input<typeof RelayOptionsSchema>;
export type RelayOptions = Readonly<
  z.output<typeof RelayOptionsSchema> & { memoryBudgetBytes: number }
>;

export function resolveRelayOptions(input: RelayOptionsInput = {}): RelayOptions {
  const options = RelayOptionsSchema.parse(input);
  if (options.queueHardBytes < options.queueSoftBytes) {
    throw new RangeError('queueHardBytes must be at least queueSoftBytes');
  }
  return Object.freeze({
    ...options,
    memoryBudgetBytes: options.memoryBudgetBytes ?? defaultMemoryBudget(),
    allowedOrigins: Object.freeze([...options.allowedOrigins]) as string[],
  });
}
