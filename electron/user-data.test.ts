// Tandem's data folder and Electron's userData never coincide nor nest.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { appDataDir } from '../agent/runtime/app-data-dir.js';
import { electronUserData, foldersApart } from './user-data.js';

describe('data folders', () => {
  it('puts Electron userData apart from Tandem data (macOS/Windows would share <appData>/Tandem)', () => {
    assert.equal(foldersApart('/a/Tandem', '/a/tandem'), false);
    assert.equal(foldersApart('/a/Tandem', '/a/Tandem/x'), false);
    assert.equal(foldersApart('/a/Tandem Shell', '/a/Tandem'), true);
    const appData = '/Users/p/Library/Application Support';
    const data = `${appData}/Tandem`;
    const userData = electronUserData(appData, data);
    assert.equal(userData, `${appData}/Tandem Shell`);
    assert.ok(foldersApart(userData, data));
  });

  it('moves away when a chosen data folder sits where userData would', () => {
    const userData = electronUserData('/x', '/x/Tandem Shell/data');
    assert.ok(foldersApart(userData, '/x/Tandem Shell/data'), userData);
  });

  it('holds for this machine’s packaged data folder', () => {
    const data = appDataDir({ packaged: true });
    assert.ok(foldersApart(electronUserData('/some/appData', data), data));
  });
});
