// The agent as the end-to-end tests run it in-process: start it, watch its phones' states, and find
// the system Chromium. Tests cross rooms only through testing/.
export { startAgent, type RunningAgent } from '../agent/runtime/start-agent.js';
export type { PairingState } from '../agent/pairing/states.js';
export { findChromium } from '../agent/browser/find-chromium.js';
