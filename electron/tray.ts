// The tray icon and its menu. The Tray is made through an injected factory so it can be tested.
import { Menu, Tray, nativeImage } from 'electron';
import type { PhoneView } from '../protocol/control-responses.js';

export type CreateTray = () => Tray;

export const createDefaultTray: CreateTray = () => new Tray(nativeImage.createEmpty());

export interface TrayActions {
  showWindow(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export function updateTray(
  tray: Tray,
  phones: PhoneView[],
  paused: boolean,
  actions: TrayActions,
): void {
  const lines = phones.length === 0 ? ['No phone plugged in'] : phones.map(describePhone);
  tray.setToolTip(`Tandem — ${lines.join(', ')}`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      ...lines.map((label) => ({ label, enabled: false })),
      { type: 'separator' },
      { label: 'Open Tandem', click: () => actions.showWindow() },
      {
        label: 'Pause pairing',
        type: 'checkbox',
        checked: paused,
        click: () => actions.setPaused(!paused),
      },
      { label: 'Launch at login', type: 'checkbox', checked: false, enabled: false },
      { type: 'separator' },
      { label: 'Quit Tandem', click: () => actions.quit() },
    ]),
  );
}

function describePhone(phone: PhoneView): string {
  const who = phone.identity
    ? `${phone.model} ${phone.identity.masked}`
    : phone.model || phone.serial;
  return `${who}: ${phone.state}`;
}
