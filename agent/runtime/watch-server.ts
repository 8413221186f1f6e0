// Wires the pairing server's liveness watch to the orchestrator: probes GET /healthz while a phone
// is connected (or waits for the server), fails those phones with SERVER_UNREACHABLE when it stops
// answering and pairs them again when it answers.
import type { Logger } from '../log.js';
import type { PairingOrchestrator } from '../pairing/orchestrator.js';
import { probeHealth, ServerLiveness } from '../pairing/server-liveness.js';

export function watchPairingServer(
  serverUrl: string,
  orchestrator: PairingOrchestrator,
  log: Logger,
): ServerLiveness {
  const liveness = new ServerLiveness({
    probe: (signal) => probeHealth(serverUrl, signal),
    active: () => orchestrator.needsServer(),
    onDown: () => orchestrator.serverUnreachable(),
    onUp: () => orchestrator.serverReachable(),
    log,
  });
  liveness.start();
  return liveness;
}
