// Waits, without polling, until a phone reaches one of the given pairing states in an in-process
// agent (tests and benchmarks).
import type { PairingOrchestrator } from '../agent/pairing/orchestrator.js';
import type { PairingState, PhoneStatus } from '../agent/pairing/states.js';

export function waitForPhoneState(
  orchestrator: PairingOrchestrator,
  serial: string,
  states: PairingState[],
  timeoutMs = 20_000,
): Promise<PhoneStatus> {
  return new Promise((resolve, reject) => {
    const current = () => orchestrator.list().find((s) => s.serial === serial);
    const timer = setTimeout(() => {
      orchestrator.off('change', check);
      reject(
        new Error(`${serial} never reached ${states.join('|')}; now ${JSON.stringify(current())}`),
      );
    }, timeoutMs);
    const check = (status: PhoneStatus): void => {
      if (status.serial !== serial || !states.includes(status.state)) return;
      clearTimeout(timer);
      orchestrator.off('change', check);
      resolve(status);
    };
    orchestrator.on('change', check);
    const now = current();
    if (now) check(now);
  });
}
