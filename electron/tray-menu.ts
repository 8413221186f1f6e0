// The tray's menu as data: each phone by model and masked identity with its state in words, then
// Open, Pause pairing, Launch at login, Check for updates (or "Update ready — restart") and Quit.
import type { MenuItemConstructorOptions } from 'electron';
import type { PhoneView } from '../protocol/control-responses.js';
import { phoneName, stateWords, type Words } from '../protocol/i18n/desktop-words.js';
import type { InboxItem } from '../protocol/control-responses.js';
import type { Locale } from '../protocol/i18n/locale.js';
import { statusLine } from '../protocol/i18n/status-line.js';
import { inboxMenuItems, type TrayInboxActions } from './tray-inbox.js';

export type UpdateState = 'idle' | 'checking' | 'ready';

export interface TrayState {
  phones: readonly PhoneView[];
  paused: boolean;
  /** Whether Tandem starts at login: what the system says, never assumed. */
  launchAtLogin: boolean;
  update: UpdateState;
  /** The newest items phones sent (electron/tray-inbox.ts); absent or empty: no inbox lines. */
  inbox?: readonly InboxItem[];
  /** The person's language choice (settings.json); absent: the system's. */
  language?: Locale;
}

export interface TrayActions extends TrayInboxActions {
  open(): void;
  setPaused(paused: boolean): void;
  setLaunchAtLogin(on: boolean): void;
  checkForUpdates(): void;
  restartToUpdate(): void;
  quit(): void;
  /** Remembers a language (null: follow the system) for the tray, the windows and the CLI. */
  setLanguage(language: Locale | null): void;
  /** "Open on the phone again": the session page, by am start, on a connected phone. */
  reopen(serial: string): void;
}

/** One line per phone (not clickable), in the order the agent lists them. */
export function phoneLines(words: Words, phones: readonly PhoneView[]): string[] {
  if (phones.length === 0) return [words.noPhone];
  return phones.map((phone) => `${phoneName(phone)} — ${stateWords(words, phone)}`);
}

export function trayMenuTemplate(
  words: Words,
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    ...phoneLines(words, state.phones).map((label) => ({ label, enabled: false })),
    ...state.phones
      .filter((phone) => phone.state === 'connected')
      .map((phone) => ({
        label: words.sessions.reopenFor(phoneName(phone)),
        click: () => actions.reopen(phone.serial),
      })),
    ...inboxMenuItems(words, state.inbox ?? [], actions),
    { type: 'separator' },
    { label: words.open, click: () => actions.open() },
    {
      label: words.pausePairing,
      type: 'checkbox',
      checked: state.paused,
      click: () => actions.setPaused(!state.paused),
    },
    {
      label: words.launchAtLogin,
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: () => actions.setLaunchAtLogin(!state.launchAtLogin),
    },
    languageItem(words, state.language, actions),
    updateItem(words, state.update, actions),
    { type: 'separator' },
    { label: words.quit, click: () => actions.quit() },
  ];
}

function languageItem(
  words: Words,
  language: Locale | undefined,
  actions: TrayActions,
): MenuItemConstructorOptions {
  const choice = (label: string, value: Locale | null): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: (language ?? null) === value,
    click: () => actions.setLanguage(value),
  });
  return {
    label: words.ui.language,
    submenu: [
      choice(words.ui.languageSystem, null),
      choice('English', 'en'),
      choice('简体中文', 'zh-CN'),
    ],
  };
}

function updateItem(
  words: Words,
  update: UpdateState,
  actions: TrayActions,
): MenuItemConstructorOptions {
  switch (update) {
    case 'ready':
      return { label: words.updateReady, click: () => actions.restartToUpdate() };
    case 'checking':
      return { label: words.checkingForUpdates, enabled: false };
    case 'idle':
      return { label: words.checkForUpdates, click: () => actions.checkForUpdates() };
  }
}

/** The tooltip: Tandem and every phone's line. */
/** The tooltip: the same one status line as the desktop UI's header. */
export function trayToolTip(words: Words, phones: readonly PhoneView[], paused = false): string {
  return `Tandem — ${statusLine(words, { paused, devices: phones })}`;
}
