// The phone's joiner against the PC's encoder: the same parts, joined, inflated and validated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { encodeMirrorBatch, type MirrorMessage } from '../testing/pc-mirror.js';
import { MirrorErrorCode, type MirrorPart } from '../protocol/mirror-parts.js';
import { MirrorError, MirrorPartJoiner } from './mirror-part-joiner.js';

const event = (type: number, text = '') => ({ type, timestamp: 1, data: { text } });
const rows = (n: number) => Array.from({ length: n }, (_, i) => event(3, `row ${i} `.repeat(20)));

async function partsOf(events: ReturnType<typeof event>[], partBytes = 512): Promise<MirrorPart[]> {
  const messages: MirrorMessage[] = await encodeMirrorBatch(events, { partBytes });
  return messages.filter((m): m is MirrorPart => m.type === 'mirror.part');
}

function handMade(json: Buffer, overrides: Partial<MirrorPart> = {}): MirrorPart {
  return {
    type: 'mirror.part',
    id: 'HandMade0001',
    of: 'mirror.patch',
    encoding: 'gzip',
    index: 0,
    count: 1,
    bytes: json.length,
    data: json.toString('base64'),
    ...overrides,
  };
}

async function feed(joiner: MirrorPartJoiner, parts: MirrorPart[]) {
  const results = [];
  for (const part of parts) results.push(await joiner.add(part));
  return results;
}

const rejectsWith = (code: string) => (error: unknown) =>
  error instanceof MirrorError && error.code === code;

describe('MirrorPartJoiner', () => {
  it('joins the PC’s parts into the message they came from, on the last part', async () => {
    const events = [event(4), event(2), ...rows(300)];
    const parts = await partsOf(events);
    assert.ok(parts.length > 2, `${parts.length} parts`);
    const results = await feed(new MirrorPartJoiner(), parts);
    assert.deepEqual(results.slice(0, -1), new Array(parts.length - 1).fill(undefined));
    assert.deepEqual(results.at(-1), { type: 'mirror.snapshot', payload: events });
  });

  it('refuses a gap, and takes the next message afterwards', async () => {
    const joiner = new MirrorPartJoiner();
    const parts = await partsOf(rows(300));
    await joiner.add(parts[0]!);
    await assert.rejects(joiner.add(parts[2]!), rejectsWith(MirrorErrorCode.PartsInvalid));
    assert.equal(await joiner.add(parts[3]!), undefined, 'the rest of it is let go');
    const next = await partsOf(rows(200));
    const results = await feed(joiner, next);
    assert.deepEqual(results.at(-1), { type: 'mirror.patch', payload: rows(200) });
  });

  it('refuses parts whose sizes do not add up', async () => {
    const json = gzipSync(JSON.stringify({ type: 'mirror.patch', payload: rows(5) }));
    await assert.rejects(
      new MirrorPartJoiner().add(handMade(json, { bytes: json.length + 1 })),
      rejectsWith(MirrorErrorCode.PartsInvalid),
    );
    await assert.rejects(
      new MirrorPartJoiner().add(handMade(json, { bytes: json.length - 1 })),
      rejectsWith(MirrorErrorCode.PartsInvalid),
    );
  });

  it('refuses a message announced over the cap before taking its parts', async () => {
    const joiner = new MirrorPartJoiner(10_000);
    const parts = await partsOf([event(4), event(2), ...rows(2000)]);
    assert.ok(parts[0]!.bytes > 10_000);
    await assert.rejects(joiner.add(parts[0]!), rejectsWith(MirrorErrorCode.TooLarge));
    assert.equal(await joiner.add(parts[1]!), undefined);
  });

  it('stops inflating at the cap (a small part cannot grow into a huge document)', async () => {
    const bomb = gzipSync(
      JSON.stringify({ type: 'mirror.patch', payload: [event(3, 'a'.repeat(5_000_000))] }),
    );
    assert.ok(bomb.length < 10_000, `${bomb.length} bytes of gzip`);
    await assert.rejects(
      new MirrorPartJoiner(1_000_000).add(handMade(bomb)),
      rejectsWith(MirrorErrorCode.TooLarge),
    );
  });

  it('refuses bad gzip, bad JSON and JSON that is not the message it names', async () => {
    const cases = [
      Buffer.from('not gzip at all'),
      gzipSync('{"type":"mirror.patch",'),
      gzipSync(JSON.stringify({ type: 'mirror.patch', payload: [{ type: 3 }] })),
      gzipSync(JSON.stringify({ type: 'mirror.snapshot', payload: [event(4)] })),
    ];
    for (const json of cases) {
      await assert.rejects(
        new MirrorPartJoiner().add(handMade(json)),
        rejectsWith(MirrorErrorCode.PartsInvalid),
      );
    }
  });

  it('puts back the node ids the PC left out, exactly as rrweb numbered them', async () => {
    const cells = Array.from({ length: 2_000 }, (_, i) => ({
      type: 2,
      tagName: 'td',
      attributes: {},
      childNodes: [{ type: 3, textContent: `cell ${i}`, id: 11 + 2 * i }],
      id: 10 + 2 * i,
    }));
    const snapshot = {
      type: 2,
      timestamp: 1,
      data: { node: { type: 0, childNodes: cells, id: 9 } },
    };
    const events = [event(4), snapshot];
    const parts = await partsOf(events as ReturnType<typeof event>[], 4096);
    assert.equal(parts[0]?.encoding, 'gzip+seq-ids');
    const results = await feed(new MirrorPartJoiner(), parts);
    assert.deepEqual(results.at(-1), { type: 'mirror.snapshot', payload: events });
  });

  it('refuses a message whose ids cannot be put back', async () => {
    const lost = { type: 2, timestamp: 1, data: { node: { type: 0, childNodes: [] } } };
    const json = Buffer.from(JSON.stringify({ type: 'mirror.snapshot', payload: [lost] }));
    const part = handMade(gzipSync(json), { of: 'mirror.snapshot', encoding: 'gzip+seq-ids' });
    await assert.rejects(
      new MirrorPartJoiner().add({ ...part, bytes: Buffer.from(part.data, 'base64').length }),
      rejectsWith(MirrorErrorCode.PartsInvalid),
    );
  });
});
