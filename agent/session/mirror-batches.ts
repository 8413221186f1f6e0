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

/**
 * Splits a recorder batch into messages that fit the relay's frame once sealed (base64 grows a
 * third): at most `maxEvents` events and about `maxJsonBytes` of JSON each. An event larger than
 * the limit on its own cannot travel and is returned in `tooLarge`.
 */
export function splitBatch<E>(
  events: readonly E[],
  maxJsonBytes = 600_000,
  maxEvents = 10_000,
): { parts: E[][]; tooLarge: E[] } {
  const parts: E[][] = [];
  const tooLarge: E[] = [];
  let current: E[] = [];
  let size = 2;
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (bytes + 2 > maxJsonBytes) {
      tooLarge.push(event);
      continue;
    }
    if (current.length > 0 && (size + bytes > maxJsonBytes || current.length >= maxEvents)) {
      parts.push(current);
      current = [];
      size = 2;
    }
    current.push(event);
    size += bytes;
  }
  if (current.length > 0) parts.push(current);
  return { parts, tooLarge };
}
