// One session's calls into Redis, with its keys: claim a seat, append, ack, leave… (the scripts
// themselves are cluster-scripts.ts).
import type { Role } from '../../../protocol/relay-frames.js';
import { clusterKeys as keys } from './cluster-keys.js';
import type { ClusterContext } from './cluster-context.js';
import type { ClusterTerminal } from './cluster-terminal.js';
import { randomToken } from '../session-secrets.js';

export interface Claim {
  decision: 'fresh' | 'resume' | 'replace' | 'full';
  conn: string;
  holder: string;
  token: string;
  recv: number;
  peer: 'present' | 'away' | 'absent';
  oldHolder: string;
}

const other = (role: Role): Role => (role === 'pc' ? 'phone' : 'pc');

export class SeatScripts {
  constructor(
    private readonly page: string,
    private readonly expiresAt: number,
    private readonly node: ClusterContext,
  ) {}

  async claim(role: Role, resume: string | undefined, last: number): Promise<Claim> {
    const { page } = this;
    const conn = this.node.nextConn();
    const holder = `${this.node.redis.nodeId}/${conn}`;
    const reply = (await this.node.redis.script(
      'tandemClaim',
      keys.seat(page, role),
      keys.slot(page, role),
      keys.seat(page, other(role)),
      keys.slot(page, other(role)),
      keys.queue(page, role),
      keys.latest(page, role),
      holder,
      resume ?? '',
      this.node.leaseMs,
      randomToken(18),
      this.expiresAt,
      role,
      last,
    )) as string[];
    const [decision, token = '', recv = '0', peer = 'absent', oldHolder = ''] = reply;
    return {
      decision: decision as Claim['decision'],
      conn,
      holder,
      token,
      recv: Number(recv),
      peer: peer as Claim['peer'],
      oldHolder,
    };
  }

  append(terminal: ClusterTerminal, seq: number, msg: Uint8Array): Promise<[number, number]> {
    const { page } = this;
    const peer = other(terminal.role);
    return this.node.appends.append([
      keys.seat(page, terminal.role),
      keys.slot(page, terminal.role),
      keys.slot(page, peer),
      keys.queue(page, peer),
      keys.seat(page, peer),
      terminal.holder,
      seq,
      Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength),
      this.expiresAt,
    ]);
  }

  async latest(terminal: ClusterTerminal, key: string, msg: Uint8Array): Promise<number> {
    const { page } = this;
    const peer = other(terminal.role);
    const frame = Buffer.concat([Buffer.from('{"t":"fwd","msg":'), msg, Buffer.from('}')]);
    return (await this.node.redis.script(
      'tandemLatest',
      keys.seat(page, terminal.role),
      keys.seat(page, peer),
      keys.latest(page, peer),
      terminal.holder,
      key,
      frame,
      this.expiresAt,
    )) as number;
  }

  async ack(terminal: ClusterTerminal, seq: number): Promise<number> {
    const { page, node } = this;
    return (await node.redis.script(
      'tandemAck',
      keys.seat(page, terminal.role),
      keys.slot(page, terminal.role),
      keys.queue(page, terminal.role),
      terminal.holder,
      seq,
    )) as number;
  }

  async queuedToward(role: Role): Promise<number> {
    return (await this.node.redis.script('tandemQueued', keys.slot(this.page, role))) as number;
  }

  async takeLatest(role: Role): Promise<Buffer[]> {
    const redis = this.node.redis.commands as unknown as Record<
      string,
      (...args: string[]) => Promise<Buffer[]>
    >;
    return redis.tandemTakeLatestBuffer!(keys.latest(this.page, role));
  }

  /** Frees the seat of a dropped terminal; the resume token while the slot waits, else null. */
  async away(terminal: ClusterTerminal): Promise<string | null> {
    const { page } = this;
    return (await this.node.redis.script(
      'tandemAway',
      keys.seat(page, terminal.role),
      keys.slot(page, terminal.role),
      keys.seat(page, other(terminal.role)),
      terminal.holder,
      terminal.role,
    )) as string | null;
  }

  async leave(role: Role, holder: string, token: string, reason: 'closed' | 'expired') {
    const { page } = this;
    const peer = other(role);
    await this.node.redis.script(
      'tandemLeave',
      keys.seat(page, role),
      keys.slot(page, role),
      keys.queue(page, role),
      keys.latest(page, role),
      keys.seat(page, peer),
      keys.slot(page, peer),
      keys.queue(page, peer),
      keys.latest(page, peer),
      holder,
      token,
      role,
      reason,
    );
  }

  /** Tells the node of a replaced connection to close it (a resume took its seat). */
  kick(oldHolder: string): void {
    const [node, conn] = oldHolder.split('/');
    if (!node || !conn) return;
    void this.node.redis.commands.publish(keys.nodeChannel(node), `K ${conn}`).catch(() => {});
  }
}
