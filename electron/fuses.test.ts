// The packaged app's fuses, as docs/security.md lists them: a file: page gets no extra privileges.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

describe('electron fuses', () => {
  const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
  const fuses = config.split(/^electronFuses:\n/m)[1]?.split(/^\S/m)[0] ?? '';

  it('turns off the file protocol’s extra privileges and running as Node', () => {
    assert.match(fuses, /^ {2}grantFileProtocolExtraPrivileges: false$/m);
    assert.match(fuses, /^ {2}runAsNode: false$/m);
    assert.match(fuses, /^ {2}enableNodeOptionsEnvironmentVariable: false$/m);
    assert.match(fuses, /^ {2}onlyLoadAppFromAsar: true$/m);
  });
});
