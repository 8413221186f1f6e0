import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { saveReceivedFile } from '../session/received-files.js';
import { createInboxControl } from './inbox-control.js';
import { openInboxStore } from './inbox-store.js';
import { systemOpener, type FileOpener } from './system-opener.js';

function rig(withBrowser = true) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-inbox-control-'));
  const store = openInboxStore(dir);
  const calls: string[] = [];
  const opener: FileOpener = {
    openPath: async (path) => void calls.push(`open ${path}`),
    showInFolder: async (path) => void calls.push(`show ${path}`),
  };
  const control = createInboxControl({
    store,
    opener,
    openLink: withBrowser ? async (url) => calls.push(`browser ${url}`) : undefined,
    folder: () => dir,
  });
  return { dir, store, calls, control };
}

/** The `code` of what a promise rejects with. */
const thrownCode = (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

const base = { from: '****4381', model: 'Pixel 7' };

describe('the inbox control', () => {
  it('opens a link in the mirrored browser and a file with the system opener', async () => {
    const { dir, store, calls, control } = rig();
    const link = store.add({ ...base, kind: 'link', url: 'https://example.org/', bytes: 20 });
    const path = saveReceivedFile(dir, 'a.pdf', new Uint8Array([1, 2, 3]));
    const file = store.add({ ...base, kind: 'file', path, name: 'a.pdf', bytes: 3 });
    assert.equal((await control.open(link.id)).id, link.id);
    await control.open(file.id);
    await control.show(file.id);
    assert.deepEqual(calls, ['browser https://example.org/', `open ${path}`, `show ${path}`]);
    assert.deepEqual(
      control.list().map((item) => item.id),
      [file.id, link.id],
    );
  });

  it('refuses by code what it cannot do', async () => {
    const { store, control } = rig(false);
    const text = store.add({ ...base, kind: 'text', text: 'hi', bytes: 2 });
    const link = store.add({ ...base, kind: 'link', url: 'https://example.org/', bytes: 20 });
    const gone = store.add({ ...base, kind: 'file', path: '/no/such/file', name: 'f', bytes: 1 });
    const odd = store.add({ ...base, kind: 'link', url: 'javascript:alert(1)', bytes: 19 });
    assert.equal(await thrownCode(control.open('nope')), 'INBOX_ITEM_NOT_FOUND');
    assert.equal(await thrownCode(control.open(text.id)), 'INBOX_NOT_OPENABLE');
    assert.equal(await thrownCode(control.show(link.id)), 'INBOX_NOT_OPENABLE');
    assert.equal(await thrownCode(control.open(link.id)), 'CONTROL_NOT_AVAILABLE');
    assert.equal(await thrownCode(control.open(odd.id)), 'INBOX_NOT_OPENABLE');
    assert.equal(await thrownCode(control.show(gone.id)), 'INBOX_FILE_MISSING');
  });

  it('tells a failed system opener by code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-inbox-control-'));
    const store = openInboxStore(dir);
    const path = saveReceivedFile(dir, 'a.txt', new Uint8Array([1]));
    const file = store.add({ ...base, kind: 'file', path, name: 'a.txt', bytes: 1 });
    const control = createInboxControl({
      store,
      opener: systemOpener(async () => Promise.reject(new Error('ENOENT xdg-open')), 'linux'),
      folder: () => dir,
      openLink: undefined,
    });
    assert.equal(await thrownCode(control.open(file.id)), 'INBOX_OPEN_FAILED');
  });
});

describe('the system opener', () => {
  it('runs the platform program through the launcher', async () => {
    const runs: string[] = [];
    const launch = async (command: string, args: string[]) =>
      void runs.push([command, ...args].join(' '));
    await systemOpener(launch, 'linux').openPath('/in/a.pdf');
    await systemOpener(launch, 'linux').showInFolder('/in/a.pdf');
    await systemOpener(launch, 'darwin').showInFolder('/in/a.pdf');
    await systemOpener(launch, 'win32').showInFolder('C:\\in\\a.pdf');
    assert.deepEqual(runs, [
      'xdg-open /in/a.pdf',
      'xdg-open /in',
      'open -R /in/a.pdf',
      'explorer /select,C:\\in\\a.pdf',
    ]);
  });
});

describe('saving a received file', () => {
  it('never overwrites: a second and third file of the same name get (2) and (3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-received-'));
    const paths = [1, 2, 3].map((n) => saveReceivedFile(dir, 'photo.jpg', new Uint8Array([n])));
    assert.deepEqual(
      paths.map((path) => path.slice(dir.length + 1)),
      ['photo.jpg', 'photo (2).jpg', 'photo (3).jpg'],
    );
    assert.deepEqual([...readFileSync(paths[2] as string)], [3]);
    assert.equal(readdirSync(dir).length, 3);
  });
});
