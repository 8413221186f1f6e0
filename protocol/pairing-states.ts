// The pairing states of one attached phone: the agent reports them, the UIs, the tray and the CLI
// show them in words (protocol/i18n/desktop-words.ts).

export const pairingStates = [
  'detected',
  'unauthorized',
  'identifying',
  'checking',
  'binding',
  'bound-elsewhere',
  'connecting',
  'connected',
  'failed',
  'gone',
] as const;

export type PairingState = (typeof pairingStates)[number];
