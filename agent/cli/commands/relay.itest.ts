// `tandem session new` and `tandem relay` as a person runs them, against the real server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../../server/listen.js';
import { tempDir } from '../../../testing/server-app.js';
import { waitFor } from '../../../testing/wait.js';

const bin = fileURLToPath(new URL('../../../bin/tandem.js', import.meta.url));

/** Every `tandem` this file started: `after` kills those still running, so a failed assertion leaks none. */
const started = new Set<ReturnType<typeof spawn>>();

/** A running `tandem` with everything it printed so far, and its exit code once it ends. */
function tandem(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: 'pipe' });
  started.add(child);
  child.once('exit', () => started.delete(child));
  const run = { child, stdout: '', stderr: '', code: undefined as number | undefined };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (run.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => (run.code = code as number));
  return Object.assign(run, { exited });
}

describe('tandem session new / tandem relay', () => {
  const dir = tempDir('tandem-cli-relay-');
  let server: RunningServer;
  before(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir: join(dir.path, 'server') });
  });
  after(async () => {
    for (const child of started) child.kill('SIGKILL');
    await server.close();
    dir.remove();
  });

  it('--help shows the message lines it accepts, short forms included', async () => {
    const help = tandem(['relay', '--help']);
    await help.exited;
    assert.equal(help.code, 0);
    assert.match(help.stdout, /\{"type":"text","text":"hello"\}\s+\(short for data\.text\)/);
    assert.match(
      help.stdout,
      /\{"type":"link","url":"https:\/\/example\.org\/"\}\s+\(short for data\.link\)/,
    );
  });

  it('creates a session, then two terminals exchange JSON lines both ways; a wrong secret exits non-zero', async () => {
    const data = join(dir.path, 'agent');
    const made = tandem(['session', 'new', '--server', server.url, '--json', '--data', data]);
    await made.exited;
    assert.equal(made.code, 0, made.stderr);
    const { url, pcUrl } = JSON.parse(made.stdout) as { url: string; pcUrl: string };
    assert.match(url, /\/s\/[A-Za-z0-9_-]+\?k=[A-Za-z0-9_-]{43}#[A-Za-z0-9_-]{43}$/);

    const pc = tandem(['relay', '--url', pcUrl, '--role', 'pc']);
    const phone = tandem(['relay', '--url', url, '--role', 'phone']);
    await waitFor('phone joined', () => pc.stderr.includes('peer phone present'), 20_000);
    pc.child.stdin.write(
      [
        '{"type":"data.text","text":"hello phone"}',
        'not json',
        // The short forms the help promises.
        '{"type":"text","text":"short text"}',
        '{"type":"link","url":"https://example.org/short","title":"Short"}',
        '{"type":"bogus"}',
        '',
      ].join('\n'),
    );
    await waitFor('text and links at the phone', () => phone.stdout.includes('/short'));
    assert.equal(
      phone.stdout,
      '{"type":"data.text","text":"hello phone"}\n' +
        '{"type":"data.text","text":"short text"}\n' +
        '{"type":"data.link","url":"https://example.org/short","title":"Short"}\n',
    );
    // "bogus" comes after the link, so its refusal may be printed after the link arrived.
    const refusals = () => pc.stderr.match(/MESSAGE_INVALID/g)?.length ?? 0;
    await waitFor('both refusals reported', () => refusals() >= 2);
    assert.match(pc.stderr, /MESSAGE_INVALID: a line is not JSON, skipped/);
    assert.equal(refusals(), 2, 'only "not json" and "bogus"');
    phone.child.stdin.end('{"type":"op.back"}\n');
    await phone.exited;
    assert.equal(phone.code, 0, phone.stderr);
    await waitFor('peer-left at the PC', () => pc.stderr.includes('peer phone absent (closed)'));
    assert.equal(pc.stdout, '{"type":"op.back"}\n');
    pc.child.stdin.end();
    await pc.exited;
    assert.equal(pc.code, 0);

    const wrong = tandem([
      'relay',
      '--url',
      url.replace(/k=[^#]+/, `k=${'A'.repeat(43)}`),
      '--role',
      'phone',
    ]);
    await wrong.exited;
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /refused to join.*\[SESSION_NOT_MATCHED\]/);
  });
});
