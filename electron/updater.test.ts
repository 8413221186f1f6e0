// The updater through an injected autoUpdater: checks at start and every 6 hours; a downloaded
// update makes the tray say so and restarts on request; no updater, no checks.
import { strict as assert } from 'node:assert';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { UpdateState } from './tray-menu.js';
import { UPDATE_INTERVAL_MS, UpdateChecker, type AutoUpdaterLike } from './updater.js';

class FakeUpdater extends EventEmitter implements AutoUpdaterLike {
  checks = 0;
  installs = 0;
  fail = false;
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    if (this.fail) throw new Error('offline');
    return {};
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

function setup(updater: AutoUpdaterLike | undefined) {
  const states: UpdateState[] = [];
  const ready: string[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const checker = new UpdateChecker(updater, {
    onState: (state) => states.push(state),
    onReady: (version) => ready.push(version),
    onError: () => undefined,
    setInterval: (run, ms) => {
      timers.push({ run, ms });
      return {};
    },
    clearInterval: () => undefined,
  });
  return { checker, states, ready, timers };
}

describe('updater', () => {
  it('checks at start and every 6 hours', async () => {
    const updater = new FakeUpdater();
    const { checker, timers, states } = setup(updater);
    checker.start();
    await Promise.resolve();
    assert.equal(updater.checks, 1);
    assert.equal(timers.length, 1);
    assert.equal(timers[0]?.ms, UPDATE_INTERVAL_MS);
    assert.equal(UPDATE_INTERVAL_MS, 6 * 60 * 60 * 1000);
    await new Promise((resolve) => setImmediate(resolve));
    timers[0]?.run();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(updater.checks, 2);
    assert.deepEqual(states, ['checking', 'idle', 'checking', 'idle']);
  });

  it('is ready once downloaded, and restarts into the update only then', async () => {
    const updater = new FakeUpdater();
    const { checker, ready, states } = setup(updater);
    checker.restartToUpdate();
    assert.equal(updater.installs, 0);
    updater.emit('update-downloaded', { version: '0.2.0' });
    assert.equal(checker.current(), 'ready');
    assert.deepEqual(ready, ['0.2.0']);
    assert.deepEqual(states, ['ready']);
    await checker.check(); // nothing to check once ready
    assert.equal(updater.checks, 0);
    checker.restartToUpdate();
    assert.equal(updater.installs, 1);
  });

  it('goes back to idle when a check fails', async () => {
    const updater = new FakeUpdater();
    updater.fail = true;
    const { checker } = setup(updater);
    await checker.check();
    assert.equal(checker.current(), 'idle');
  });

  it('never checks without an updater (running from the sources)', () => {
    const { checker, timers } = setup(undefined);
    checker.start();
    assert.equal(timers.length, 0);
    assert.equal(checker.current(), 'idle');
  });
});
