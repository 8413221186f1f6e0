// The tray's inbox lines: the newest three items with a click each, and "Show inbox".
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { InboxItem } from '../protocol/control-responses.js';
import { wordsFor } from '../protocol/i18n/desktop-words.js';
import { trayMenuTemplate, type TrayActions } from './tray-menu.js';

const at = '2026-03-04T15:06:00.000Z';
const from = { from: '****4381', model: 'Pixel 7', at };
const items: InboxItem[] = [
  { ...from, id: '4', kind: 'text', text: 'the newest text', bytes: 15 },
  { ...from, id: '3', kind: 'link', url: 'https://example.org/', title: 'Example', bytes: 20 },
  { ...from, id: '2', kind: 'file', path: '/in/a.pdf', name: 'a.pdf', bytes: 9 },
  { ...from, id: '1', kind: 'text', text: 'too old for the tray', bytes: 20 },
];

function menuWith(inbox: InboxItem[], locale = 'en-US') {
  const calls: string[] = [];
  const actions: TrayActions = {
    open: () => calls.push('open'),
    setPaused: () => undefined,
    setLaunchAtLogin: () => undefined,
    checkForUpdates: () => undefined,
    restartToUpdate: () => undefined,
    quit: () => undefined,
    setLanguage: () => undefined,
    reopen: () => undefined,
    showInbox: () => calls.push('inbox'),
    openInboxItem: (item) => calls.push(`open ${item.id}`),
  };
  const state = { phones: [], paused: false, launchAtLogin: false, update: 'idle' as const, inbox };
  return { calls, menu: trayMenuTemplate(wordsFor(locale), state, actions) };
}

const labels = (menu: MenuItemConstructorOptions[]) =>
  menu.map((item) => item.label ?? `(${item.type})`);
const click = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((item) => item.label === label)?.click as unknown as () => void)();

describe('the tray inbox', () => {
  it('shows the newest three items and Show inbox; each opens what it is', () => {
    const { menu, calls } = menuWith(items);
    assert.deepEqual(labels(menu).slice(0, 7), [
      'No phone plugged in',
      '(separator)',
      'From your phone',
      'Text: the newest text',
      'Link: Example',
      'File: a.pdf',
      'Show inbox',
    ]);
    click(menu, 'Text: the newest text');
    click(menu, 'Link: Example');
    click(menu, 'File: a.pdf');
    click(menu, 'Show inbox');
    assert.deepEqual(calls, ['inbox', 'open 3', 'open 2', 'inbox']);
  });

  it('adds nothing while the inbox is empty, and speaks Chinese', () => {
    assert.ok(!labels(menuWith([]).menu).includes('Show inbox'));
    assert.ok(labels(menuWith(items, 'zh-CN').menu).includes('显示收件箱'));
  });
});
