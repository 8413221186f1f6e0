// `tandem status`: the running agent's phones and their pairing states.
import type { Command } from 'commander';
import type { AgentStatus } from '../../control/control-api.js';
import { callAgent } from '../../control/control-client.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

export function register(program: Command): void {
  program
    .command('status')
    .description("Show the running agent's phones and their pairing states")
    .option(
      '--json',
      'print JSON: { paused, devices: [ { serial, model, identity: { kind, masked } | null (until read), state, reason?, hint } ] }',
    )
    .option('--data <dir>', dataOptionHelp)
    .action(async (options: { json?: boolean; data?: string }) => {
      const status = await callAgent<AgentStatus>(dataDirFrom(options), '/api/status');
      const devices = status.devices.map((d) => ({
        serial: d.serial,
        model: d.model,
        identity: d.identity,
        state: d.state,
        ...(d.reason ? { reason: d.reason } : {}),
        hint: d.hint,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ paused: status.paused, devices })}\n`);
        return;
      }
      const lines = [`Pairing ${status.paused ? 'paused' : 'on'}; server ${status.serverUrl}`];
      if (devices.length === 0) lines.push('No phone plugged in.');
      for (const d of devices) {
        const who = d.identity ? `${d.model} ${d.identity.masked}` : d.model || '(unknown)';
        lines.push(
          `${d.serial}  ${who}  ${d.state}${d.reason ? ` (${d.reason})` : ''} — ${d.hint}`,
        );
      }
      if (status.usbWithoutDebugging.length > 0) {
        lines.push(
          'A phone is on USB with debugging off: turn on USB debugging in Developer options.',
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
