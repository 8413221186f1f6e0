// The CLI speaks the person's language: LANG picks it, `tandem language` remembers a choice in
// settings.json (the desktop UI's switch writes the same), `--lang` wins for one command, and
// `system` goes back to following LANG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTandem } from '../../../testing/tandem-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-language-'));
const env = (lang: string) => {
  const { LC_ALL: _all, LC_MESSAGES: _messages, TANDEM_LANG: _tandem, ...rest } = process.env;
  return { ...rest, LANG: lang };
};
const inbox = async (lang: string, ...more: string[]) =>
  (await runTandem([...more, 'inbox', '--data', dataDir], env(lang))).stdout.trim();

test('LANG chooses, tandem language remembers, --lang wins once, system forgets', async () => {
  assert.equal(await inbox('en_US.UTF-8'), 'Nothing has arrived from a phone yet.');
  assert.equal(await inbox('zh_CN.UTF-8'), '还没有收到来自手机的内容。');

  const chosen = await runTandem(['language', 'zh-CN', '--data', dataDir], env('en_US.UTF-8'));
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.equal(chosen.stdout.trim(), 'Tandem 从现在起使用简体中文。');
  assert.deepEqual(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')), {
    language: 'zh-CN',
  });
  assert.equal(await inbox('en_US.UTF-8'), '还没有收到来自手机的内容。', 'remembered over LANG');
  assert.equal(await inbox('en_US.UTF-8', '--lang', 'en'), 'Nothing has arrived from a phone yet.');

  const wrong = await runTandem(['language', 'klingon', '--data', dataDir], env('en_US.UTF-8'));
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /INVALID_ARGUMENT/);

  const system = await runTandem(['language', 'system', '--data', dataDir], env('en_US.UTF-8'));
  assert.equal(system.stdout.trim(), 'Tandem follows the system language (now English).');
  assert.equal(await inbox('en_US.UTF-8'), 'Nothing has arrived from a phone yet.');
});
