// `tandem server` as a person runs it: a real process that prints its URL, serves, and exits 0 on
// SIGTERM; a bad flag exits 2 with a code.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir } from '../../../server/test-helpers.js';

const bin = fileURLToPath(new URL('../../../bin/tandem.js', import.meta.url));

describe('tandem server', () => {
  const dir = tempDir('tandem-cli-server-');
  after(() => dir.remove());

  it('prints its URL, answers /healthz and stops on SIGTERM', async () => {
    const dataDir = join(dir.path, 'data');
    const child = spawn(process.execPath, [bin, 'server', '--port', '0', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          stdout += chunk;
          const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
          if (line) resolve(line[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const health = await fetch(`${url}/healthz`);
      assert.deepEqual(await health.json(), { status: 'ok' });
      assert.ok(existsSync(join(dataDir, 'server.sqlite')));
      assert.ok(existsSync(join(dataDir, 'server.key')));
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a bad port with exit code 2 and a stable code', async () => {
    const child = spawn(process.execPath, [bin, 'server', '--port', '70000', '--data', dir.path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /--port .*\[INVALID_ARGUMENT\]/);
  });
});
