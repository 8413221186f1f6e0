// The sender's choices: which phones, which message, and the refusals, with recording sessions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RelayMessage } from '../../protocol/relay-messages.js';
import type { TabInfo } from '../browser/browser-host.js';
import type { PhoneStatus } from '../pairing/states.js';
import { createSendToPhone, type SendToPhoneDeps, type ShownPage } from './send-to-phone.js';

function phone(serial: string, masked: string | null, state = 'connected'): PhoneStatus {
  return {
    serial,
    model: 'Pixel',
    identity: masked ? { kind: 'imei', masked } : null,
    state: state as PhoneStatus['state'],
    hint: '',
  };
}

function setup(options: { phones?: PhoneStatus[]; tab?: Partial<TabInfo>; selected?: string }) {
  const inbox = new Map<string, RelayMessage[]>();
  const phones = options.phones ?? [phone('A', '****1111'), phone('B', '****2222')];
  const tab: TabInfo = {
    id: 't1',
    url: 'https://example.org/a',
    title: 'Page A',
    favicon: '',
    active: true,
    ...options.tab,
  };
  const page: ShownPage = { tab: () => tab, selection: async () => options.selected ?? '' };
  const deps: SendToPhoneDeps = {
    phones: () => phones,
    session: (serial) => ({
      send: async (message) => void inbox.set(serial, [...(inbox.get(serial) ?? []), message]),
    }),
    page,
    fetchImage: async () => ({
      name: 'dot.png',
      mime: 'image/png',
      bytes: new Uint8Array([137, 80, 78, 71]),
    }),
  };
  return { inbox, deps, send: createSendToPhone(deps) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('send to phone', () => {
  it('sends text to every connected phone, and only to connected ones', async () => {
    const { inbox, send } = setup({
      phones: [phone('A', '****1111'), phone('B', null), phone('C', '****3333', 'connecting')],
    });
    const result = await send({ kind: 'text', text: 'hello' });
    assert.deepEqual(result.phones, [
      { serial: 'A', masked: '****1111' },
      { serial: 'B', masked: null },
    ]);
    assert.deepEqual(inbox.get('A'), [{ type: 'data.text', text: 'hello' }]);
    assert.deepEqual(inbox.get('B'), [{ type: 'data.text', text: 'hello' }]);
    assert.equal(inbox.has('C'), false);
  });

  it('picks one phone by serial or by masked identity', async () => {
    const { inbox, send } = setup({});
    await send({ kind: 'text', text: 'x', to: 'B' });
    await send({ kind: 'text', text: 'y', to: '****1111' });
    assert.deepEqual(
      inbox.get('B')?.map((m) => m.type === 'data.text' && m.text),
      ['x'],
    );
    assert.deepEqual(
      inbox.get('A')?.map((m) => m.type === 'data.text' && m.text),
      ['y'],
    );
  });

  it('sends the selection as text; an empty selection is NOTHING_SELECTED', async () => {
    const selected = setup({ selected: 'the quick fox' });
    await selected.send({ kind: 'selection', to: 'A' });
    assert.deepEqual(selected.inbox.get('A'), [{ type: 'data.text', text: 'the quick fox' }]);
    const empty = setup({ selected: '  \n' });
    assert.equal(await codeOf(empty.send({ kind: 'selection' })), 'NOTHING_SELECTED');
    assert.equal(empty.inbox.size, 0);
  });

  it('sends the shown page as a link with its title, or the URL given', async () => {
    const { inbox, send } = setup({});
    await send({ kind: 'link', to: 'A' });
    await send({ kind: 'link', url: 'https://example.com/b', to: 'A' });
    assert.deepEqual(inbox.get('A'), [
      { type: 'data.link', url: 'https://example.org/a', title: 'Page A' },
      { type: 'data.link', url: 'https://example.com/b' },
    ]);
    const blank = setup({ tab: { url: 'about:blank', title: '' } });
    assert.equal(await codeOf(blank.send({ kind: 'link' })), 'NO_PAGE_SHOWN');
  });

  it('sends an image as a file transfer of kind image', async () => {
    const { inbox, send } = setup({});
    const result = await send({ kind: 'image', url: 'http://127.0.0.1:9/dot.png', to: 'A' });
    assert.equal(result.size, 4);
    const types = inbox.get('A')?.map((m) => m.type);
    assert.deepEqual(types, ['data.file.begin', 'data.file.chunk', 'data.file.end']);
    const begin = inbox.get('A')?.[0] as Extract<RelayMessage, { type: 'data.file.begin' }>;
    assert.equal(begin.kind, 'image');
    assert.equal(begin.name, 'dot.png');
    assert.equal(begin.size, 4);
  });

  it('refuses with NO_PHONE_CONNECTED, PHONE_NOT_FOUND (not quoting the target), PHONE_AMBIGUOUS', async () => {
    const none = setup({ phones: [phone('A', '****1111', 'checking')] });
    assert.equal(await codeOf(none.send({ kind: 'text', text: 'x' })), 'NO_PHONE_CONNECTED');
    const { send } = setup({});
    const imei = '356938035643809';
    const error = await send({ kind: 'text', text: 'x', to: imei }).catch((e: Error) => e);
    assert.equal((error as { code?: string }).code, 'PHONE_NOT_FOUND');
    assert.doesNotMatch((error as Error).message, new RegExp(imei));
    const twins = setup({ phones: [phone('A', '****1111'), phone('B', '****1111')] });
    assert.equal(
      await codeOf(twins.send({ kind: 'text', text: 'x', to: '****1111' })),
      'PHONE_AMBIGUOUS',
    );
  });

  it('needs the browser session for the selection and the shown page', async () => {
    const { deps } = setup({});
    const send = createSendToPhone({ ...deps, page: undefined });
    assert.equal(await codeOf(send({ kind: 'selection' })), 'CONTROL_NOT_AVAILABLE');
    assert.equal(await codeOf(send({ kind: 'link' })), 'CONTROL_NOT_AVAILABLE');
    assert.equal((await send({ kind: 'link', url: 'https://example.com/' })).phones.length, 2);
  });
});
