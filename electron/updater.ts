// Auto-update: checks at start and every 6 hours; once an update is downloaded the tray says
// "Update ready — restart". The updater is injected (electron-updater's autoUpdater in a packaged
// app, a stand-in in tests); an unpackaged run has none and never checks.
import type { UpdateState } from './tray-menu.js';

export const UPDATE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** What Tandem uses of electron-updater's autoUpdater. */
export interface AutoUpdaterLike {
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateCheckerOptions {
  intervalMs?: number;
  onState(state: UpdateState): void;
  onReady(version: string): void;
  onError?(error: Error): void;
  setInterval?: (run: () => void, ms: number) => { unref?(): void };
  clearInterval?: (timer: never) => void;
}

export class UpdateChecker {
  private state: UpdateState = 'idle';
  private timer: { unref?(): void } | undefined;

  constructor(
    private readonly updater: AutoUpdaterLike | undefined,
    private readonly options: UpdateCheckerOptions,
  ) {
    updater?.on('update-downloaded', (info) => {
      this.set('ready');
      options.onReady(info.version);
    });
    updater?.on('error', (error) => {
      if (this.state === 'checking') this.set('idle');
      options.onError?.(error);
    });
  }

  /** Checks now, then every interval. */
  start(): void {
    if (!this.updater || this.timer) return;
    void this.check();
    const every = this.options.setInterval ?? setInterval;
    this.timer = every(() => void this.check(), this.options.intervalMs ?? UPDATE_INTERVAL_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (!this.timer) return;
    const clear = (this.options.clearInterval ?? clearInterval) as (timer: unknown) => void;
    clear(this.timer);
    this.timer = undefined;
  }

  async check(): Promise<void> {
    if (!this.updater || this.state !== 'idle') return;
    this.set('checking');
    try {
      await this.updater.checkForUpdates();
    } catch (error) {
      this.options.onError?.(error as Error);
    } finally {
      // Downloaded meanwhile: stays ready. Otherwise nothing new (or the download runs on).
      if (this.current() === 'checking') this.set('idle');
    }
  }

  restartToUpdate(): void {
    if (this.state === 'ready') this.updater?.quitAndInstall();
  }

  current(): UpdateState {
    return this.state;
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.options.onState(state);
  }
}
