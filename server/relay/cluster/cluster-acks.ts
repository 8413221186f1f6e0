// The relay's acks to a sender in a session across nodes, as in memory (slot-forwarding.ts): acks are
// cumulative and may wait (ACK_POLICY); they are withheld while the peer's queue in Redis is over
// the soft limit, which is looked at again every 50 ms until it has drained.
import { ACK_POLICY } from '../../../protocol/relay-frames.js';
import type { ClusterContext } from './cluster-context.js';
import type { ClusterTerminal } from './cluster-terminal.js';

const WITHHELD_POLL_MS = 50;

export class ClusterAcks {
  constructor(
    private readonly node: ClusterContext,
    /** Bytes queued toward the terminal's peer and not acknowledged. */
    private readonly queuedTowardPeer: (terminal: ClusterTerminal) => Promise<number>,
  ) {}

  /** As in memory (slot-forwarding.ts): acks are cumulative and may wait, withheld over the soft limit. */
  schedule(terminal: ClusterTerminal): void {
    if (terminal.ackWithheld) return this.pollWithheld(terminal);
    const urgent =
      terminal.ackDueMessages >= ACK_POLICY.messages || terminal.ackDueBytes >= ACK_POLICY.bytes;
    if (urgent) {
      if (terminal.ackNow) return;
      terminal.ackNow = true;
      this.node.deps.defer(() => {
        terminal.ackNow = false;
        this.send(terminal);
      });
    } else if (!terminal.ackLater) {
      terminal.ackLater = true;
      this.node.deps.delay(() => {
        terminal.ackLater = false;
        this.send(terminal);
      });
    }
  }

  private send(terminal: ClusterTerminal): void {
    if (terminal.closed || terminal.ackWithheld || terminal.recvSeq <= terminal.ackedSeq) return;
    terminal.ackedSeq = terminal.recvSeq;
    terminal.ackDueMessages = 0;
    terminal.ackDueBytes = 0;
    terminal.control(`{"t":"ack","seq":${terminal.recvSeq}}`);
  }

  /** The peer's queue is over the soft limit: look again shortly, ack once it has drained. */
  private pollWithheld(terminal: ClusterTerminal): void {
    if (terminal.withheldPoll) return;
    terminal.withheldPoll = setTimeout(() => {
      terminal.withheldPoll = undefined;
      if (terminal.closed) return;
      this.queuedTowardPeer(terminal).then(
        (queued) => {
          terminal.ackWithheld = queued > this.node.options.queueSoftBytes;
          this.schedule(terminal);
        },
        () => {},
      );
    }, WITHHELD_POLL_MS);
  }
}
