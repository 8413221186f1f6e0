// The settings and names shared by the in-page recorder and the agent that injects it.
import type { eventWithTime } from '@rrweb/types';

export interface RecorderConfig {
  /** Mask every input's value, not only passwords (which are always masked). */
  maskAllInputs: boolean;
  /** Sampling: at most one scroll event per this many ms per element. */
  scrollMs: number;
  /** Sampling: pointer moves are gathered and sent at most this often (ms). */
  mousemoveMs: number;
}

export const DEFAULT_RECORDER_CONFIG: Readonly<RecorderConfig> = Object.freeze({
  maskAllInputs: false,
  scrollMs: 100,
  mousemoveMs: 100,
});

/** The binding the page calls with each batch of events (a `RecorderBatch` as JSON text). */
export const MIRROR_CHANNEL = '__tandemMirrorEmit';
/** The global the page agent installs: what `evaluate` expressions call. */
export const PAGE_API = '__tandemMirror';
/** Where the agent puts the config before the bundle runs. */
export const PAGE_CONFIG = '__tandemMirrorConfig';

/** One delivery from a page: its events in order, and its URL when they were recorded. */
export interface RecorderBatch {
  url: string;
  events: eventWithTime[];
}
