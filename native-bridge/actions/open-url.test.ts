import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { amStartViewCommand, checkAmOutput, openUrlOnPhone, validatePhoneUrl } from './open-url.js';
import { shellQuote } from './shell-quote.js';
import { isBridgeError } from '../errors.js';

const NASTY = `https://example.test/p?a=1&b=2;c=3#frag 'q' "dq" x y`;

// The phone's shell is POSIX; a Windows machine (the release runner) has none to check against.
const noPosixShell = process.platform === 'win32' && 'no POSIX shell on Windows';

test('shellQuote survives a real POSIX shell byte for byte', { skip: noPosixShell }, () => {
  for (const value of [NASTY, "'", "''", 'a\\b', '$(id) `id` $HOME', '!*?[]{}~|<>', '']) {
    const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(value)}`], {
      encoding: 'utf8',
    });
    assert.equal(echoed, value);
  }
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
});

test('the am command passes the URL verbatim in single quotes', () => {
  assert.equal(
    amStartViewCommand(NASTY),
    `am start -a android.intent.action.VIEW -d 'https://example.test/p?a=1&b=2;c=3#frag '\\''q'\\'' "dq" x y'` +
      ' --es com.android.browser.application_id app.tandem.desktop',
  );
});

test('only absolute http(s) URLs on one line are accepted', () => {
  validatePhoneUrl(NASTY);
  validatePhoneUrl('http://localhost:8080/s/abc#k=1');
  for (const bad of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'intent://x#Intent;end',
    '/relative',
    'https://x.test/\nam start',
    `https://x.test/${'a'.repeat(4001)}`,
  ]) {
    assert.throws(
      () => validatePhoneUrl(bad),
      (e) => isBridgeError(e, 'INVALID_ARGUMENT'),
      bad.slice(0, 30),
    );
  }
});

test("am's refusals become PhoneActionFailed without echoing the URL", () => {
  checkAmOutput(
    'Starting: Intent { act=android.intent.action.VIEW dat=https://x.test/... }\n',
    'https://x.test/s',
    'S1',
  );
  const secretUrl = 'https://x.test/s?secret=abc123';
  for (const output of [
    `Starting: Intent { act=android.intent.action.VIEW dat=${secretUrl} }\nError: Activity not started, unable to resolve Intent { dat=${secretUrl} }\n`,
    "Exception occurred while executing 'start':\njava.lang.SecurityException: Permission Denial\n",
  ]) {
    assert.throws(
      () => checkAmOutput(output, secretUrl, 'S1'),
      (e) =>
        isBridgeError(e, 'PHONE_ACTION_FAILED') &&
        !e.message.includes('abc123') &&
        e.message.includes('S1'),
    );
  }
});

test('a URL with "Exception" or "Error:" in it is not a refusal; real failure lines still are', () => {
  const url = 'https://x.test/wiki/NullPointerException?q=Error:+java.lang.Exception';
  checkAmOutput(`Starting: Intent { act=android.intent.action.VIEW dat=${url} }\r\n`, url, 'S1');
  for (const failure of [
    'Error: Activity not started, unable to resolve Intent',
    "Exception occurred while executing 'start':",
    'java.lang.SecurityException: Permission Denial: starting Intent',
    'android.content.ActivityNotFoundException: No Activity found',
  ]) {
    assert.throws(
      () =>
        checkAmOutput(`Starting: Intent { dat=${url} }\n${failure} { dat=${url} }\n`, url, 'S1'),
      (e) =>
        isBridgeError(e, 'PHONE_ACTION_FAILED') &&
        e.message.includes(failure) &&
        !e.message.includes('NullPointer'),
      failure,
    );
  }
});

test('an identity in the refusal line is masked', () => {
  const imei = '490154203237518';
  assert.throws(
    () => checkAmOutput(`Error: no activity for device ${imei}\n`, 'https://x.test/', 'S1'),
    (e) =>
      isBridgeError(e, 'PHONE_ACTION_FAILED') &&
      !e.message.includes(imei) &&
      e.message.includes('****7518'),
  );
});

function fakeClient(reply: string | Error) {
  const commands: string[] = [];
  return {
    commands,
    getDevice: (serial: string) => ({
      shell: async (command: string) => {
        commands.push(`${serial}: ${command}`);
        if (reply instanceof Error) throw reply;
        return Readable.from([Buffer.from(reply)]);
      },
    }),
  };
}

test('openUrlOnPhone sends one am command and checks its output', async () => {
  const ok = fakeClient('Starting: Intent { act=android.intent.action.VIEW }\n');
  await openUrlOnPhone(ok, 'S1', NASTY);
  assert.deepEqual(ok.commands, [`S1: ${amStartViewCommand(NASTY)}`]);

  const refused = fakeClient('Error: Activity not started\n');
  await assert.rejects(openUrlOnPhone(refused, 'S1', NASTY), (e) =>
    isBridgeError(e, 'PHONE_ACTION_FAILED'),
  );

  const gone = fakeClient(new Error("Failure: 'device 'S1' not found'"));
  await assert.rejects(openUrlOnPhone(gone, 'S1', NASTY), (e) => isBridgeError(e, 'DEVICE_GONE'));

  const untouched = fakeClient('');
  await assert.rejects(openUrlOnPhone(untouched, 'S1', 'ftp://x.test/'), (e) =>
    isBridgeError(e, 'INVALID_ARGUMENT'),
  );
  assert.deepEqual(untouched.commands, []);
});
