// "Check again", "Use it on this computer" and "Open on the phone again" for a plugged-in phone named by its adb serial or
// masked identity (a full identity typed by the person is never quoted back).
import type { AgentControl } from '../control/control-api.js';
import { ControlError } from '../control/control-error.js';
import type { PairingOrchestrator } from '../pairing/orchestrator.js';
import type { PhoneStatus } from '../pairing/states.js';

export function phoneActions(
  orchestrator: PairingOrchestrator,
  sessionOf: (serial: string) => { reopen(): Promise<void> } | undefined,
): NonNullable<AgentControl['phones']> {
  const attached = (target: string): string => {
    const phone = orchestrator
      .list()
      .find(
        (status) =>
          status.state !== 'gone' &&
          (status.serial === target || status.identity?.masked === target),
      );
    if (!phone) {
      throw new ControlError('PHONE_NOT_ATTACHED', 'no plugged-in phone matches', 404);
    }
    return phone.serial;
  };
  const answer = (status: PhoneStatus | undefined): PhoneStatus => {
    if (!status) throw new ControlError('PHONE_NOT_ATTACHED', 'the phone went away', 404);
    return status;
  };
  return {
    checkAgain: async (target) => answer(await orchestrator.checkAgain(attached(target))),
    takeover: async (target) => answer(await orchestrator.takeover(attached(target))),
    reopen: async (target) => {
      const serial = attached(target);
      const session = sessionOf(serial);
      if (!session) {
        throw new ControlError(
          'PHONE_NOT_FOUND',
          'that phone has no session to open: it is not connected',
          409,
        );
      }
      await session.reopen();
      return answer(orchestrator.list().find((status) => status.serial === serial));
    },
  };
}
