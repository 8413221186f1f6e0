// Named per-module loggers (pino, JSON lines on stderr). Never pass a raw identity: log the masked form.
import { pino, type Logger } from 'pino';

let root: Logger | undefined;

export type { Logger };

/** The level comes from TANDEM_LOG_LEVEL (default info), read when the first logger is made. */
export function createLogger(module: string): Logger {
  root ??= pino(
    { name: 'tandem', level: process.env.TANDEM_LOG_LEVEL ?? 'info' },
    pino.destination({ fd: 2, sync: false }),
  );
  return root.child({ module });
}
