// The byte scanner may only ever take a frame the full path (JSON.parse + checkClientFrame) takes,
// and must read the same header from it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkClientFrame } from './relay-frame-check.js';
import { scanClientFrame, type FrameHeader } from './relay-frame-scan.js';

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/relay-golden.json', import.meta.url), 'utf8'),
) as Record<'client' | 'server' | 'invalid', string[]>;

const bytes = (text: string) => new TextEncoder().encode(text);

/** What the full path reads from `text`, in the scanner's terms; undefined when it refuses. */
function fullPath(text: string): FrameHeader | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const frame = checkClientFrame(json);
  if (!frame || (frame.t !== 'msg' && frame.t !== 'ack')) return undefined;
  if (frame.t === 'ack') return { t: 'ack', seq: frame.seq };
  if (frame.mode === 'reliable') {
    return { t: 'msg', mode: 'reliable', seq: frame.seq, type: frame.type };
  }
  return frame.key === undefined
    ? { t: 'msg', mode: 'latest', type: frame.type }
    : { t: 'msg', mode: 'latest', type: frame.type, key: frame.key };
}

function assertSubset(text: string): void {
  const scanned = scanClientFrame(bytes(text));
  if (scanned !== undefined) assert.deepEqual(scanned, fullPath(text), text);
}

describe('scanClientFrame', () => {
  it('reads the reference client frames the way the full path does', () => {
    const canonical = [
      '{"v":2,"t":"msg","mode":"reliable","seq":12,"type":"data.text","sealed":"AAEC-_z"}',
      '{"v":2,"t":"msg","mode":"latest","type":"op.scroll","sealed":"AAEC"}',
      '{"v":2,"t":"msg","mode":"latest","type":"data.file.progress","key":"AbCd_-12","sealed":"x"}',
      '{"t":"ack","seq":0}',
      '{"t":"ack","seq":987654321012345}',
      golden.client[0]!,
      golden.client[2]!,
    ];
    for (const text of canonical) {
      assert.notEqual(scanClientFrame(bytes(text)), undefined, text);
      assertSubset(text);
    }
  });

  it('leaves everything else to the full path', () => {
    const others = [
      ...golden.invalid,
      ...golden.server.filter((text) => !text.startsWith('{"t":"ack"')), // acks go both ways
      golden.client[1]!, // `body` instead of `sealed`
      '{"t":"hb"}',
      '{"t":"bye"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":0,"type":"data.text","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":01,"type":"data.text","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1.5,"type":"data.text","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.text","sealed":""}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.text","sealed":"A"} ',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"Data","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data..text","sealed":"A"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.texts","sealed":"A"}', // unknown
      `{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"${'a'.repeat(49)}","sealed":"A"}`,
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.text","key":"k","sealed":"A"}',
      `{"v":2,"t":"msg","mode":"latest","type":"op.scroll","key":"${'k'.repeat(65)}","sealed":"A"}`,
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.text","sealed":"A\\u0041"}',
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"data.text","sealed":"A","x":1}',
      '{"v":2,"t":"msg","mode":"reliable","seq":12345678901234567,"type":"a","sealed":"A"}',
      '{"t":"ack","seq":-1}',
      '{"t":"ack","seq":1,"x":2}',
    ];
    for (const text of others) {
      assert.equal(scanClientFrame(bytes(text)), undefined, text);
    }
  });

  it('never takes a mutated frame the full path refuses (20,000 random mutations)', () => {
    let state = 42;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const alphabet = '{}":,.-_ 019aAzZ\\\u00e9';
    const seeds = [
      '{"v":2,"t":"msg","mode":"reliable","seq":12,"type":"data.text","sealed":"AAEC-_z"}',
      '{"v":2,"t":"msg","mode":"latest","type":"data.file.progress","key":"AbCd","sealed":"x0"}',
      '{"t":"ack","seq":41}',
    ];
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const chars = [...seeds[i % seeds.length]!];
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(chars.length + 1);
        const c = alphabet[random(alphabet.length)]!;
        const kind = random(3);
        if (kind === 0) chars.splice(at, 1);
        else if (kind === 1) chars.splice(at, 0, c);
        else chars[Math.min(at, chars.length - 1)] = c;
      }
      const text = chars.join('');
      if (scanClientFrame(bytes(text)) !== undefined) accepted++;
      assertSubset(text);
    }
    assert.ok(accepted > 100, `some mutations still are valid frames (${accepted})`);
  });
});
