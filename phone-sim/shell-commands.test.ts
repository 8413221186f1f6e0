import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveIdentity, type PhoneSimProfileName } from './profiles.js';
import { buildProps } from './props.js';
import { runShellLine } from './shell.js';
import type { AmStartIntent } from './am.js';

const IMEI = '490154203237518';
const IMEI2 = '356938035643809';
const SHELL = 's16 com.android.shell';

function phone(profile: PhoneSimProfileName, intents: AmStartIntent[] = []) {
  // A second IMEI makes any profile dual-SIM; only the dual profile gets one here.
  const imei2 = profile === 'android-12-dual' ? IMEI2 : undefined;
  const identity = resolveIdentity(profile, { imei: IMEI, imei2, androidId: 'abcdef0123456789' });
  const ctx = {
    identity,
    props: buildProps(identity),
    emitIntent: (i: AmStartIntent) => intents.push(i),
  };
  return (line: string): string => runShellLine(line, ctx);
}

/** Decodes the String16 of a `service call` reply, or tells which kind of reply it was. */
function replyOf(output: string): string {
  if (output.startsWith('service:')) return 'no-service';
  const words = [...output.matchAll(/(?<=[ (])([0-9a-f]{8})(?= )/g)].map((m) =>
    parseInt(m[1] as string, 16),
  );
  if (words[0] === 0xffffffff) return 'security-exception';
  if (words[1] === 0xffffffff) return 'null';
  let text = '';
  for (const word of words.slice(2)) text += String.fromCharCode(word & 0xffff, word >>> 16);
  return text.slice(0, words[1]);
}

describe('shell commands per profile', () => {
  const cases: [PhoneSimProfileName, string, string][] = [
    ['android-4.4', 'service call iphonesubinfo 1', IMEI],
    ['android-9', 'service call iphonesubinfo 1', IMEI],
    ['android-10', 'service call iphonesubinfo 1', 'security-exception'],
    ['android-10', `service call iphonesubinfo 1 ${SHELL}`, IMEI],
    ['android-10', `service call iphonesubinfo 3 i32 0 ${SHELL}`, IMEI],
    ['android-10', `service call iphonesubinfo 3 i32 1 ${SHELL}`, 'null'],
    ['android-12-dual', `service call iphonesubinfo 4 i32 0 ${SHELL}`, IMEI],
    ['android-12-dual', `service call iphonesubinfo 4 i32 1 ${SHELL}`, IMEI2],
    ['android-12-dual', `service call iphonesubinfo 1 ${SHELL}`, 'security-exception'],
    ['android-14', `service call iphonesubinfo 4 i32 0 ${SHELL}`, IMEI],
    ['android-14', `service call iphonesubinfo 1 ${SHELL}`, 'security-exception'],
    ['android-14', `service call iphonesubinfo 3 i32 0 ${SHELL}`, 'security-exception'],
    ['android-14', 'service call iphonesubinfo 4 i32 0', 'security-exception'],
    ['tablet', 'service call iphonesubinfo 1', 'no-service'],
    ['locked', `service call iphonesubinfo 4 i32 0 ${SHELL}`, 'security-exception'],
    ['locked', `service call iphonesubinfo 1 ${SHELL}`, 'security-exception'],
    ['vendor-props', 'service call iphonesubinfo 1', 'security-exception'],
  ];
  for (const [profile, line, expected] of cases) {
    it(`${profile}: ${line} → ${expected === IMEI ? 'IMEI' : expected === IMEI2 ? 'IMEI2' : expected}`, () => {
      assert.equal(replyOf(phone(profile)(line).replace(/\r\n/g, '\n')), expected);
    });
  }

  it('prints the exact missing-service line and the Not-a-data-message error', () => {
    assert.equal(
      phone('tablet')('service call iphonesubinfo 1'),
      'service: Service iphonesubinfo does not exist\n',
    );
    assert.equal(
      phone('android-9')('service call iphonesubinfo 99'),
      'Result: Parcel(Error: 0xffffffb6 "Not a data message")\n',
    );
  });

  it('answers dumpsys iphonesubinfo like KitKat, newer phones and tablets', () => {
    assert.equal(
      phone('android-4.4')('dumpsys iphonesubinfo'),
      `Phone Subscriber Info:\n  Phone Type = GSM\n  Device ID = ${IMEI}\n`,
    );
    assert.equal(phone('android-9')('dumpsys iphonesubinfo'), '');
    assert.equal(phone('tablet')('dumpsys iphonesubinfo'), "Can't find service: iphonesubinfo\n");
  });

  it('answers getprop, settings, id, echo and unknown commands', () => {
    const sh = phone('vendor-props');
    assert.equal(sh('getprop ro.ril.miui.imei0'), `${IMEI}\n`);
    assert.equal(sh('getprop no.such.prop'), '\n');
    assert.match(
      sh('getprop'),
      /^\[dalvik\.vm\.heapsize\]: \[512m\]\n(\[[^\]]+\]: \[[^\]]*\]\n)+$/,
    );
    assert.match(sh('getprop'), /\n\[ro\.product\.manufacturer\]: \[Xiaomi\]\n/);
    assert.equal(sh('settings get secure android_id'), 'abcdef0123456789\n');
    assert.match(sh('id'), /^uid=2000\(shell\) /);
    assert.equal(sh('echo a   "b  c"; true && echo ok || echo no'), 'a b  c\nok\n');
    assert.equal(sh('frobnicate --now'), '/system/bin/sh: frobnicate: not found\n');
    assert.equal(sh('frobnicate 2>/dev/null; echo after'), 'after\n');
  });

  it('captures am start intents intact and prints what ActivityManager prints', () => {
    const intents: AmStartIntent[] = [];
    const url = `https://x.test/s?a=1&b=2;c#k="v" 'q'`;
    const quoted = `'${url.replace(/'/g, `'\\''`)}'`;
    const out = phone('android-14', intents)(`am start -a android.intent.action.VIEW -d ${quoted}`);
    assert.equal(out, `Starting: Intent { act=android.intent.action.VIEW dat=${url} }\n`);
    assert.deepEqual(intents, [
      {
        action: 'android.intent.action.VIEW',
        data: url,
        argv: ['am', 'start', '-a', 'android.intent.action.VIEW', '-d', url],
      },
    ]);
    assert.match(
      phone('android-14')('am start -d'),
      /IllegalArgumentException: Argument expected after "-d"/,
    );
  });
});

describe('seq', () => {
  it('prints one number a line, like toybox seq', () => {
    const run = phone('android-14');
    assert.equal(run('seq 3'), '1\n2\n3\n');
    assert.equal(run('seq 9 11'), '9\n10\n11\n');
    assert.equal(run('seq 200000').length, 1_288_895);
    assert.equal(run('seq x'), 'usage: seq [FIRST] LAST\n');
  });
});
