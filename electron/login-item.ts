// Launch at login: a real checkbox. It reads what the system says and changes only when the person
// ticks it; nothing switches it on by itself.

export interface LoginItemApp {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean }): void;
}

export class LaunchAtLogin {
  constructor(private readonly app: LoginItemApp) {}

  isOn(): boolean {
    return this.app.getLoginItemSettings().openAtLogin;
  }

  /** The person's choice from the tray; returns what the system now says. */
  set(on: boolean): boolean {
    this.app.setLoginItemSettings({ openAtLogin: on, openAsHidden: on });
    return this.isOn();
  }
}
