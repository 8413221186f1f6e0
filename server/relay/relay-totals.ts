// Messages and bytes a node relayed since it started, ended sessions included, so the metrics'
// counters only grow. A registry adds each session's figures here when the session leaves it.

export interface RelayedTotals {
  relayedMessages: number;
  relayedBytes: number;
}

export class EndedSessionTotals {
  private readonly ended: RelayedTotals = { relayedMessages: 0, relayedBytes: 0 };

  /** Counts what a session relayed as it leaves the registry. */
  add(record: { relay: { stats: RelayedTotals } }): void {
    this.ended.relayedMessages += record.relay.stats.relayedMessages;
    this.ended.relayedBytes += record.relay.stats.relayedBytes;
  }

  /** The ended sessions' figures plus the live ones'. */
  with(live: RelayedTotals): RelayedTotals {
    return {
      relayedMessages: this.ended.relayedMessages + live.relayedMessages,
      relayedBytes: this.ended.relayedBytes + live.relayedBytes,
    };
  }
}
