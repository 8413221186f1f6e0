// Watches the pairing server while a phone depends on it: a connected phone's session lives there.
// Probes it every interval; a failed probe is confirmed by a quick second one, then the server is
// `down` (the orchestrator fails the connected phones with SERVER_UNREACHABLE, to wait for it)
// until a probe succeeds again (the phones pair again by themselves). Logged once each way.
import type { Logger } from '../log.js';
import { errorCode } from './pairing-ports.js';

export interface ServerLivenessOptions {
  /** Resolves when the server answered; rejects (ideally with a coded error) when it did not. */
  probe(signal: AbortSignal): Promise<void>;
  /** Whether any phone needs the server watched now (idle agents send nothing). */
  active(): boolean;
  onDown(): void;
  onUp(): void;
  log: Pick<Logger, 'warn' | 'info'>;
  /** Between probes while all is well, and while the server is down (default 2000 ms). */
  intervalMs?: number;
  /** The confirming probe after a first failure (default 500 ms). */
  confirmMs?: number;
  /** Bound on one probe (default 2000 ms). */
  timeoutMs?: number;
}

export class ServerLiveness {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private isDown = false;
  private stopped = false;
  private readonly controller = new AbortController();

  constructor(private readonly options: ServerLivenessOptions) {}

  get down(): boolean {
    return this.isDown;
  }

  start(): void {
    this.schedule(this.options.intervalMs ?? 2_000);
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const interval = this.options.intervalMs ?? 2_000;
    if (!this.isDown && !this.options.active()) {
      this.failures = 0;
      return this.schedule(interval);
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 2_000);
    try {
      await this.options.probe(AbortSignal.any([timeout, this.controller.signal]));
      if (this.stopped) return;
      this.failures = 0;
      if (this.isDown) {
        this.isDown = false;
        this.options.log.info('the pairing server answers again; pairing the phones again');
        this.options.onUp();
      }
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      if (!this.isDown && this.failures >= 2) {
        this.isDown = true;
        this.options.log.warn(
          { code: errorCode(error) ?? 'SERVER_UNREACHABLE' },
          'the pairing server does not answer; phones wait for it (SERVER_UNREACHABLE)',
        );
        this.options.onDown();
      }
      if (this.failures === 1) return this.schedule(this.options.confirmMs ?? 500);
    }
    this.schedule(interval);
  }
}

/** GET /healthz of the pairing server: any answer but 200 counts as not answering. */
export async function probeHealth(serverUrl: string, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL('/healthz', serverUrl), { signal });
  } catch (error) {
    const code = signal.aborted ? 'SERVER_TIMEOUT' : 'SERVER_UNREACHABLE';
    throw Object.assign(new Error('the pairing server did not answer'), { code, cause: error });
  }
  await response.body?.cancel();
  if (!response.ok) {
    throw Object.assign(new Error(`the pairing server answered ${response.status}`), {
      code: 'SERVER_ERROR',
    });
  }
}
