// How the CLI talks to the running agent: find it through agent.json in the data folder, then call
// its control API with the token kept there.
import { readAgentFile } from './agent-file.js';
import { ControlError, type ControlErrorCode } from './control-error.js';

export async function callAgent<T>(
  dataDir: string,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; timeoutMs?: number } = {},
): Promise<T> {
  const agent = readAgentFile(dataDir);
  if (!agent) {
    throw new ControlError(
      'AGENT_NOT_RUNNING',
      `no Tandem agent is running for the data folder ${dataDir} (start it with: tandem agent)`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${agent.controlUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${agent.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ControlError(
      'AGENT_NOT_RUNNING',
      `the Tandem agent recorded in ${dataDir} does not answer (${(error as Error).message})`,
    );
  }
  const json = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string };
  };
  if (!response.ok) {
    // The agent's own code, passed on as it came over the wire.
    throw new ControlError(
      (json.error?.code ?? 'AGENT_ERROR') as ControlErrorCode,
      json.error?.message ?? `HTTP ${response.status}`,
      response.status,
    );
  }
  return json as T;
}
