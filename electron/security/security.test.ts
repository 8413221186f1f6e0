// The Electron checklist's testable parts: exact origins, permissions denied by default and allowed
// per origin only after the person confirms, separate sessions, the tab channels' frame check.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { InjectedFrames, PAGE_CHANNELS } from '../browser/injected-frames.js';
import { isSameOrigin, originOf } from './origin.js';
import { PermissionGate } from './permission-gate.js';
import { installPermissionHandlers, type PermissionSession } from './permission-handlers.js';
import { TABS_PARTITION, UI_PARTITION } from './partitions.js';

describe('exact origins', () => {
  it('refuses …:40001 for …:4000, and every other near miss', () => {
    const ui = 'http://127.0.0.1:4000';
    assert.equal(isSameOrigin('http://127.0.0.1:4000/?token=x', ui), true);
    for (const near of [
      'http://127.0.0.1:40001/',
      'http://127.0.0.1:400/',
      'https://127.0.0.1:4000/',
      'http://127.0.0.10:4000/',
      'http://localhost:4000/',
      'http://127.0.0.1:4000.evil.example/',
      'data:text/html,<p>4000',
      'not a url',
    ]) {
      assert.equal(isSameOrigin(near, ui), false, near);
    }
    assert.equal(originOf('file:///etc/passwd'), undefined);
  });
});

describe('permissions', () => {
  it('deny by default: the UI session never allows anything', async () => {
    const gate = new PermissionGate();
    assert.equal(await gate.request('http://127.0.0.1:4000', 'media'), false);
    assert.equal(gate.check('http://127.0.0.1:4000', 'media'), false);
  });

  it('allow per origin only after the person confirms', async () => {
    const asked: string[] = [];
    let answer = true;
    const gate = new PermissionGate(async (origin, permission) => {
      asked.push(`${origin} ${permission}`);
      return answer;
    });
    assert.equal(gate.check('https://meet.example', 'media'), false, 'not before asking');
    assert.equal(await gate.request('https://meet.example', 'media'), true);
    assert.equal(gate.check('https://meet.example', 'media'), true);
    assert.equal(gate.check('https://meet.example:8443', 'media'), false, 'another origin');
    assert.equal(gate.check('https://meet.example', 'geolocation'), false, 'another permission');
    answer = false;
    assert.equal(await gate.request('https://other.example', 'media'), false);
    assert.equal(gate.check('https://other.example', 'media'), false);
    assert.equal(
      await gate.request('https://meet.example', 'media'),
      true,
      'kept: not asked again',
    );
    assert.deepEqual(asked, ['https://meet.example media', 'https://other.example media']);
    assert.equal(
      await gate.request('https://meet.example', 'openExternal'),
      false,
      'never askable',
    );
    assert.equal(await gate.request(undefined, 'media'), false, 'an opaque origin');
  });

  it('hooks the request and check handlers of a session, on the requesting origin', async () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
    installPermissionHandlers(
      {
        setPermissionRequestHandler: (handler) => (request = handler),
        setPermissionCheckHandler: (handler) => (check = handler),
      },
      new PermissionGate(async (origin) => origin === 'https://ok.example'),
    );
    const answer = (url: string) =>
      new Promise<boolean>((resolve) =>
        (request as unknown as (...args: unknown[]) => void)(null, 'media', resolve, {
          requestingUrl: url,
        }),
      );
    assert.equal(await answer('https://ok.example/call'), true);
    assert.equal(await answer('https://ok.example.evil.example/'), false);
    const checked = (origin: string) =>
      (check as unknown as (...args: unknown[]) => boolean)(null, 'media', origin, {});
    assert.equal(checked('https://ok.example'), true);
    assert.equal(checked('https://evil.example'), false);
  });

  it('keeps the UI and the browsed tabs in separate persistent sessions', () => {
    assert.notEqual(UI_PARTITION, TABS_PARTITION);
    assert.match(UI_PARTITION, /^persist:/);
    assert.match(TABS_PARTITION, /^persist:/);
  });
});

describe('tab channels', () => {
  const frame = { processId: 7, routingId: 1, url: 'http://127.0.0.1:4000/page' };
  const [channel] = PAGE_CHANNELS;

  it('accept a mirror message only from the frame the preload was injected into', () => {
    const frames = new InjectedFrames();
    assert.equal(frames.accepts('tab-1', frame, channel), false, 'nothing injected yet');
    assert.equal(frames.record('tab-1', frame), true);
    assert.equal(frames.accepts('tab-1', frame, channel), true);
    assert.equal(frames.accepts('tab-1', { ...frame, routingId: 2 }, channel), false, 'a subframe');
    assert.equal(frames.accepts('tab-1', { ...frame, processId: 8 }, channel), false);
    assert.equal(
      frames.accepts('tab-1', { ...frame, url: 'http://127.0.0.1:40001/page' }, channel),
      false,
      '…:40001 is not …:4000',
    );
    assert.equal(frames.accepts('tab-2', frame, channel), false, 'another tab');
    assert.equal(frames.accepts('tab-1', frame, 'anything-else'), false, 'not a page channel');
    assert.equal(frames.accepts('tab-1', null, channel), false);
    frames.forget('tab-1');
    assert.equal(frames.accepts('tab-1', frame, channel), false);
  });

  it('inject nothing into a frame without an origin', () => {
    const frames = new InjectedFrames();
    assert.equal(frames.record('tab-1', { ...frame, url: 'data:text/html,x' }), false);
    assert.equal(frames.accepts('tab-1', { ...frame, url: 'data:text/html,x' }, channel), false);
  });

  it('are the mirror channel and nothing else', () => {
    assert.deepEqual(PAGE_CHANNELS, ['__tandemMirrorEmit']);
  });
});
