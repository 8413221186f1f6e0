// Launch at login reads the system and changes only on the person's choice.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LaunchAtLogin } from './login-item.js';

describe('launch at login', () => {
  it('is off until the person turns it on, and nothing else writes it', () => {
    const writes: boolean[] = [];
    let openAtLogin = false;
    const login = new LaunchAtLogin({
      getLoginItemSettings: () => ({ openAtLogin }),
      setLoginItemSettings: (settings) => {
        writes.push(settings.openAtLogin);
        openAtLogin = settings.openAtLogin;
      },
    });
    assert.equal(login.isOn(), false);
    assert.deepEqual(writes, []);
    assert.equal(login.set(true), true);
    assert.equal(login.set(false), false);
    assert.deepEqual(writes, [true, false]);
  });
});
