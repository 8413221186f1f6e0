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
      const { cliWords } = await import('../cli-language.js');
      const { statusLine } = await import('../../../protocol/i18n/status-line.js');
      const { phoneStateWords } = await import('../../../protocol/i18n/phone-state-words.js');
      const { words } = cliWords(dataDirFrom(options));
      const lines = [statusLine(words, status), words.cli.statusServer(status.serverUrl)];
      for (const d of status.devices) {
        const view = phoneStateWords(words, d);
        const who = d.identity
          ? `${d.model} ${d.identity.masked}`
          : d.model || words.ui.unknownModel;
        lines.push(
          `${d.serial}  ${words.cli.phoneLine(who, view.badge, view.hint)}${view.code ? words.cli.codeSuffix(view.code) : ''}`,
        );
      }
      if (status.usbWithoutDebugging.length > 0) lines.push(words.cli.usbOff);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
