// The rate limits across nodes. Each connection's own token buckets (relay-connection.ts) throttle
// at once, as without --redis; this charges the same costs to the terminal's buckets in Redis, in
// batches (a tenth of a burst, and what is left when the terminal leaves the node), so a terminal
// that hops to another node does not come with a full budget. A timer flushing every terminal cost
// a Redis call per terminal and interval (2,000 a second for 4,000 quiet terminals): not worth it
// for the less than a tenth of a burst it would catch earlier. The wait Redis answers pauses the connection's reads like the local buckets do.
import type { RelayOptions } from '../relay-options.js';
import { clusterKeys } from './cluster-keys.js';
import type { RedisLink } from './redis-link.js';

/** A sender that would have to wait longer than this is cut off (as relay-connection.ts does). */
export const MAX_SHARED_THROTTLE_MS = 10_000;

export class SharedRate {
  private messages = 0;
  private bytes = 0;

  constructor(
    private readonly key: string,
    private readonly options: RelayOptions,
    private readonly redis: RedisLink,
  ) {}

  static of(page: string, role: string, options: RelayOptions, redis: RedisLink): SharedRate {
    return new SharedRate(clusterKeys.rate(page, role), options, redis);
  }

  /** Counts one frame; resolves to the wait when a batch was charged, else undefined. */
  charge(bytes: number): Promise<number> | undefined {
    this.messages++;
    this.bytes += bytes;
    const { messageBurst, byteBurst } = this.options;
    if (this.messages < messageBurst / 10 && this.bytes < byteBurst / 10) return undefined;
    return this.flush();
  }

  /** Charges what was counted since the last batch (also when the terminal leaves). */
  flush(): Promise<number> | undefined {
    if (this.messages === 0 && this.bytes === 0) return undefined;
    const { messagesPerSecond, messageBurst, bytesPerSecond, byteBurst } = this.options;
    const [messages, bytes] = [this.messages, this.bytes];
    this.messages = this.bytes = 0;
    return this.redis.script(
      'tandemRate',
      this.key,
      messagesPerSecond,
      messageBurst,
      messages,
      bytesPerSecond,
      byteBurst,
      bytes,
    ) as Promise<number>;
  }
}
