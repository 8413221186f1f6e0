// Named per-module loggers (pino, JSON lines on stderr). Never pass a raw identity: log the masked form.
import { pino, type Logger } from 'pino';

const root = pino(
  { name: 'tandem', level: process.env.TANDEM_LOG_LEVEL ?? 'info' },
  pino.destination({ fd: 2, sync: false }),
);

export type { Logger };

export function createLogger(module: string): Logger {
  return root.child({ module });
}
