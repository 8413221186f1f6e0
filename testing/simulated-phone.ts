// The simulated phone (phone-sim/) as tests of other rooms reach it: tests cross rooms only through
// testing/, so this is the one door to the sim for native-bridge, bundles and e2e tests.
export {
  luhnComplete,
  startPhoneSim,
  type AmStartIntent,
  type PhoneSim,
  type PhoneSimOptions,
} from '../phone-sim/index.js';
