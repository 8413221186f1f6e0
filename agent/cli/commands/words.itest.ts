// The CLI's human output in Simplified Chinese as a person runs it (a real process, its own data
// folder): `history`, `doctor`, `send` and `open` (with no agent running, their error line), and
// the same commands in English as before. `devices` is in devices.itest.ts, `inbox`, `status` and
// `language` in language.itest.ts and agent.itest.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTandem } from '../../../testing/tandem-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-words-'));
const env = (() => {
  const { LC_ALL: _all, LC_MESSAGES: _messages, TANDEM_LANG: _tandem, ...rest } = process.env;
  return { ...rest, LANG: 'en_US.UTF-8' };
})();
const tandem = (lang: string, ...args: string[]) =>
  runTandem(['--lang', lang, ...args, '--data', dataDir], env);

/** Latin words of three letters or more, outside code spans, paths, URLs and [CODES]. */
function englishWords(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, '')
    .replace(/\[[A-Z_]+\]|（代码：[A-Z_]+）|代码：[A-Z_]+/g, '')
    .replace(/\S*[/\\]\S*/g, '')
    .replace(/--[a-z-]+/g, '');
  return stripped.match(/\b[A-Za-z]{3,}\b/g) ?? [];
}

test('history, forget and pause speak Chinese, and English as before', async () => {
  const empty = await tandem('zh-CN', 'history');
  assert.equal(empty.code, 0, empty.stderr);
  assert.equal(empty.stdout.trim(), '这台电脑还没有配对过手机。');
  const english = await tandem('en', 'history');
  assert.equal(english.stdout.trim(), 'No phone has been paired on this computer yet.');
});

test('doctor says what it found in Chinese, keeping the code of a problem', async () => {
  const healthy = await tandem('zh-CN', 'doctor');
  assert.equal(healthy.code, 0, healthy.stderr);
  assert.match(healthy.stdout, /^数据文件夹 /);
  assert.match(healthy.stdout, /\n {2}数据库 +正常：/);
  assert.deepEqual(englishWords(healthy.stdout), [], healthy.stdout);

  // A key file that holds no key: a problem, with its code and the way out.
  writeFileSync(join(dataDir, 'history.key'), 'not a key');
  const broken = await tandem('zh-CN', 'doctor');
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /密钥 +有问题（代码：SECRET_FILE_INVALID）/);
  assert.match(broken.stdout, /运行 `tandem doctor --repair`/);
  assert.match(broken.stderr, /^tandem: 密钥：见上文 \[SECRET_FILE_INVALID\]$/m);
  assert.deepEqual(englishWords(broken.stdout), [], broken.stdout);
  const english = await tandem('en', 'doctor');
  assert.match(english.stdout, /key +PROBLEM \[SECRET_FILE_INVALID\]: history\.key does not hold/);
});

test('send and open without an agent: the error line in Chinese, its code kept', async () => {
  for (const args of [
    ['send', '--text', 'hi'],
    ['open', 'example.com'],
  ]) {
    const run = await tandem('zh-CN', ...args);
    assert.equal(run.code, 1, args.join(' '));
    assert.match(run.stderr, /^tandem: 这里没有正在运行的 Tandem 代理.*\[AGENT_NOT_RUNNING\]$/m);
    const english = await tandem('en', ...args);
    assert.match(english.stderr, /^tandem: no Tandem agent is running .*\[AGENT_NOT_RUNNING\]$/m);
  }
  const wrong = await tandem('zh-CN', 'send');
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^tandem: 参数不对.*\[INVALID_ARGUMENT\]$/m);
});
