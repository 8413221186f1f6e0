// The takeover's ports: the ticket from the pairing server through the agent's shadow account, and
// the confirmation page opened on the phone the way the session page is (adb reverse of a server on
// this computer, then am start). The ticket travels to the phone over USB only, in the fragment.
import type { AdbClient } from '../../native-bridge/adb/client.js';
import { openUrlOnPhone } from '../../native-bridge/actions/open-url.js';
import { addReverse } from '../../native-bridge/actions/reverse.js';
import { throughReverse } from '../../protocol/server-reach.js';
import { takeoverPageUrl } from '../../protocol/takeover.js';
import type { TakeoverPorts } from '../pairing/pairing-ports.js';
import type { WithPairingClient } from './server-account.js';

export interface TakeoverPortsDeps {
  adb: AdbClient;
  withClient: WithPairingClient;
  serverUrl: string;
  /** The port of a server on this computer, reversed to the phone; undefined: the URL as it is. */
  reversePort: number | undefined;
}

export function createTakeoverPorts(deps: TakeoverPortsDeps): TakeoverPorts {
  return {
    ticket: async (identity) => {
      const answer = await deps.withClient((client) => client.takeoverTicket(identity));
      return { ticket: answer.ticket, expiresAt: Date.parse(answer.expiresAt) };
    },
    openConfirmPage: async (serial, ticket) => {
      const onPhone =
        deps.reversePort === undefined ? deps.serverUrl : throughReverse(deps.serverUrl);
      if (deps.reversePort !== undefined) {
        await addReverse(deps.adb, serial, deps.reversePort, deps.reversePort);
      }
      await openUrlOnPhone(deps.adb, serial, takeoverPageUrl(onPhone, ticket));
    },
  };
}
