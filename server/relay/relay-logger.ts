// The few logger methods the relay uses; a pino or fastify logger fits. Never given payloads.
export interface RelayLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  /** pino's; when absent, debug lines are always built. */
  isLevelEnabled?(level: string): boolean;
}

/** Enough of a page id to tell sessions apart in logs without making it usable. */
export function pageTag(pageId: string): string {
  return `${pageId.slice(0, 6)}…`;
}
