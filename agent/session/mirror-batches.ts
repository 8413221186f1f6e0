// rrweb event types that start a replay from scratch: Meta (4) and FullSnapshot (2).
const META = 4;
const FULL_SNAPSHOT = 2;

/** A batch that carries a full snapshot resets the phone's replayer (`mirror.snapshot`). */
export function isFullSnapshotBatch(events: readonly unknown[]): boolean {
  return events.some((event) => {
    const type = (event as { type?: unknown } | null)?.type;
    return type === FULL_SNAPSHOT || type === META;
  });
}
