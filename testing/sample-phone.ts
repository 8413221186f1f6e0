// The one phone the desktop app's unit tests show (tray lines, notifications): a Pixel 8 known by
// its masked IMEI, in the state a test asks for.
export function samplePhone<State extends string>(state: State) {
  return {
    serial: 'R58M123',
    model: 'Pixel 8',
    identity: { kind: 'imei' as const, masked: '****4321' },
    state,
    hint: '',
  };
}
