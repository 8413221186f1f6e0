// This node's two Redis connections (commands, and its subscription to its own channel), the
// scripts, and what happens when Redis comes back: every holder learns to re-establish its state.
// Loaded only with --redis (the relay imports this file lazily).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RelayLogger } from '../relay-logger.js';
import { clusterKeys } from './cluster-keys.js';
import { CLUSTER_SCRIPTS, type ClusterScriptName } from './cluster-scripts.js';

export interface RedisLinkOptions {
  url: string;
  /** This node's id; random when absent. */
  nodeId?: string | undefined;
  /** Until the relay gives its own (useLogger). */
  log?: RelayLogger;
}

const quiet: RelayLogger = { debug() {}, info() {}, warn() {} };

type ScriptArg = string | number | Buffer;
type ScriptFn = (...args: ScriptArg[]) => Promise<unknown>;

/** A message on this node's channel: kind (B, L, C, K), the connection it is for ('' for a batch of several), the rest. */
export type NodeMessageHandler = (kind: string, conn: string, rest: Buffer) => void;

export class RedisLink {
  readonly nodeId: string;
  readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private handler: NodeMessageHandler = () => {};
  private readonly recoveredHandlers: Array<(lostData: boolean) => void> = [];
  private epoch: string | undefined;
  private wasReady = false;
  private closed = false;
  private log: RelayLogger;

  constructor(options: RedisLinkOptions) {
    this.log = options.log ?? quiet;
    this.nodeId = options.nodeId ?? randomBytes(6).toString('base64url');
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(this.nodeId)) {
      throw new RangeError('node id: 1 to 64 letters, digits, ".", "_" or "-"');
    }
    this.channel = clusterKeys.nodeChannel(this.nodeId);
    const common = { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true };
    this.commands = new Redis(options.url, { ...common, connectionName: `tandem-${this.nodeId}` });
    this.subscriber = new Redis(options.url, { ...common, enableAutoPipelining: false });
    for (const [name, script] of Object.entries(CLUSTER_SCRIPTS)) {
      this.commands.defineCommand(name, { numberOfKeys: script.keys, lua: script.lua });
    }
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) =>
      this.dispatch(message),
    );
    for (const client of [this.commands, this.subscriber]) {
      client.on('error', (error: Error) =>
        this.log.warn({ err: error.message }, 'redis connection error'),
      );
    }
    this.commands.on('ready', () => void this.onReady());
    // Frames published while the subscription was down are in the streams: catch up from them.
    let subscribed = false;
    this.subscriber.on('ready', () => {
      if (subscribed && !this.closed) for (const handler of this.recoveredHandlers) handler(false);
      subscribed = true;
    });
  }

  async connect(): Promise<void> {
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
  }

  useLogger(log: RelayLogger): void {
    this.log = log;
  }

  onMessage(handler: NodeMessageHandler): void {
    this.handler = handler;
  }

  /** Runs after Redis came back; `lostData` when it came back empty (restarted without its data). */
  onRecovered(handler: (lostData: boolean) => void): void {
    this.recoveredHandlers.push(handler);
  }

  script(name: ClusterScriptName, ...args: ScriptArg[]): Promise<unknown> {
    const fn = (this.commands as unknown as Record<string, ScriptFn>)[name]!;
    return fn.apply(this.commands, args);
  }

  /** Resolves when Redis answers PING; the health probe. */
  async check(): Promise<void> {
    const answer = await this.commands.ping();
    if (answer !== 'PONG') throw new Error(`redis answered ${answer}`);
  }

  get ready(): boolean {
    return this.commands.status === 'ready';
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
    if (this.commands.status === 'ready') await this.commands.quit().catch(() => {});
    this.commands.disconnect();
  }

  private dispatch(message: Buffer): void {
    // "<kind> <conn> <rest>": the kind is one byte, the connection id has no spaces.
    const kind = String.fromCharCode(message[0]!);
    if (kind === 'B') return this.handler(kind, '', message.subarray(2));
    const space = message.indexOf(0x20, 2);
    if (space < 0) return this.handler(kind, message.toString('latin1', 2), Buffer.alloc(0));
    this.handler(kind, message.toString('latin1', 2, space), message.subarray(space + 1));
  }

  /** An epoch key tells a Redis that kept its data from one that came back empty. */
  private async onReady(): Promise<void> {
    if (this.closed) return;
    try {
      const current = await this.commands.get(clusterKeys.epoch);
      let lostData = false;
      if (current === null) {
        const fresh = randomBytes(8).toString('hex');
        await this.commands.set(clusterKeys.epoch, fresh, 'NX');
        this.epoch = (await this.commands.get(clusterKeys.epoch)) ?? fresh;
        lostData = this.wasReady;
      } else {
        lostData = this.epoch !== undefined && current !== this.epoch;
        this.epoch = current;
      }
      const again = this.wasReady;
      this.wasReady = true;
      if (!again) return;
      this.log.warn({ lostData }, 'redis is back');
      for (const handler of this.recoveredHandlers) handler(lostData);
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'redis epoch check failed');
    }
  }
}
