// The tray icon: made through injected factories (the real ones wrap Electron's Tray and Menu;
// tests pass stand-ins), its menu rebuilt from the state each time something changes. A left
// click opens the window.
import type { MenuItemConstructorOptions } from 'electron';
import { trayMenuTemplate, trayToolTip, type TrayActions, type TrayState } from './tray-menu.js';
import type { Words } from '../protocol/i18n/desktop-words.js';

/** What Tandem uses of Electron's Tray. */
export interface TrayLike<Menu> {
  setToolTip(text: string): void;
  setContextMenu(menu: Menu): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayFactory<Menu = unknown> {
  /** A tray with its icon (trayIconFile's image). */
  createTray(): TrayLike<Menu>;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
}

/** The tray image for each platform: template images in the macOS menu bar (light and dark). */
export function trayIconFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'trayTemplate.png'; // @2x found beside it by Electron
  if (platform === 'win32') return 'tray.ico';
  return 'tray@2x.png';
}

export class TrayController<Menu = unknown> {
  private readonly tray: TrayLike<Menu>;
  private state: TrayState;

  constructor(
    private readonly factory: TrayFactory<Menu>,
    private words: Words,
    private readonly actions: TrayActions,
    initial: TrayState,
  ) {
    this.tray = factory.createTray();
    this.tray.on('click', () => actions.open());
    this.state = initial;
    this.render();
  }

  /** Merges a change (phones, paused, launch at login, update) and rebuilds the menu. */
  update(change: Partial<TrayState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  /** The person chose another language: the menu and tooltip are rebuilt in it. */
  setWords(words: Words): void {
    this.words = words;
    this.render();
  }

  current(): Readonly<TrayState> {
    return this.state;
  }

  destroy(): void {
    this.tray.destroy();
  }

  private render(): void {
    this.tray.setToolTip(trayToolTip(this.words, this.state.phones, this.state.paused));
    this.tray.setContextMenu(
      this.factory.buildMenu(trayMenuTemplate(this.words, this.state, this.actions)),
    );
  }
}
