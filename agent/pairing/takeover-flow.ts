// "Use it on this computer" for one phone bound elsewhere: a one-time ticket from the pairing server,
// then the confirmation page opened on the phone over USB. Nothing moves here: the server moves the
// binding only when the person taps "Move to this computer" on the phone, and the orchestrator's
// checks (every second while the ticket lives) then pair the phone as usual.
import { ControlError } from '../control/control-error.js';
import type { TakeoverPorts } from './pairing-ports.js';
import type { PhonePairing } from './phone-pairing.js';

export async function requestTakeover(
  phone: PhonePairing,
  ports: TakeoverPorts | undefined,
): Promise<void> {
  const identified = phone.identified;
  if (phone.current !== 'bound-elsewhere' || !identified) {
    throw new ControlError(
      'TAKEOVER_NOT_BOUND_ELSEWHERE',
      'only a plugged-in phone paired with another computer can be moved here',
      409,
    );
  }
  if (!ports) {
    throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent cannot open pages on phones', 503);
  }
  const { ticket, expiresAt } = await ports.ticket(identified.identity);
  await ports.openConfirmPage(phone.serial, ticket);
  phone.awaitTakeover(expiresAt);
}
