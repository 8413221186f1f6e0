// A Node PC terminal's inbox for the phone-page itests: every message it received, and the last
// file it assembled from the phone, to wait on and assert against.
import type { RelayMessage } from '../protocol/relay-messages.js';
import type { RelayClient } from '../relay-client/relay-client.js';
import { FileAssembler, type ReceivedFile } from '../relay-client/file-transfer.js';

export interface PcInbox {
  readonly messages: RelayMessage[];
  /** The file assembled last, once one is complete. */
  file(): ReceivedFile | undefined;
}

export function collectAtPc(pc: RelayClient): PcInbox {
  const messages: RelayMessage[] = [];
  const files = new FileAssembler();
  let file: ReceivedFile | undefined;
  pc.on('message', (m) => {
    messages.push(m);
    void files.handle(m).then((e) => e?.event === 'complete' && (file = e.file));
  });
  return { messages, file: () => file };
}
