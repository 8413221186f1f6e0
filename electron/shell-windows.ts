// Tandem's two windows: the UI window (the agent's control page, or the startup-failure page) and
// the browser window whose tabs the phones mirror. Closing the browser window only hides it, so the
// mirrored session lives on; Open (tray, dock, second start) shows them again.
import { BaseWindow, type BrowserWindow } from 'electron';
import { createUiWindow } from './windows.js';

export class ShellWindows {
  private ui: BrowserWindow | undefined;
  private uiUrl: string | undefined;
  private browser: BaseWindow | undefined;
  private browserInUse = false;
  private quitting = false;

  constructor(private readonly onTryAgain: () => void) {}

  /** The browser window the agent's tabs live in, made once and kept until Tandem quits. */
  browserWindow(): BaseWindow {
    if (this.browser) return this.browser;
    const window = new BaseWindow({
      width: 1280,
      height: 860,
      title: 'Tandem browser',
      show: false,
    });
    window.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      window.hide();
    });
    this.browser = window;
    return window;
  }

  /** The agent runs: its UI in the UI window, its tabs in the browser window. */
  showAgent(uiUrl: string): void {
    this.browserInUse = true;
    this.showUi(uiUrl);
    this.browserWindow().show();
  }

  /** The agent did not start: the UI window says why (never a blank window). */
  showFailure(pageUrl: string): void {
    this.browserInUse = false;
    this.browser?.hide();
    this.showUi(pageUrl);
  }

  /** Shows what there is: the UI window, and the browser window while the agent runs. */
  open(): void {
    if (this.uiUrl) this.showUi(this.uiUrl);
    if (this.browserInUse) this.browser?.show();
  }

  /** From now on closing really closes (Tandem is quitting). */
  allowClose(): void {
    this.quitting = true;
  }

  private showUi(url: string): void {
    if (!this.ui || this.ui.isDestroyed() || this.uiUrl !== url) {
      if (this.ui && !this.ui.isDestroyed()) this.ui.destroy();
      this.ui = createUiWindow(url, { onTryAgain: this.onTryAgain });
      this.uiUrl = url;
    }
    this.ui.show();
    this.ui.focus();
  }
}
