import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROFILE_NAMES } from '../../../phone-sim/profiles.js';
import { PHONE_SIM_PROFILES } from './phone-sim.js';

// The command lists its profiles without loading the sim; they must be the sim's own.
describe('tandem phone-sim profiles', () => {
  it('lists the same profiles in the CLI as in the sim', () => {
    assert.deepEqual([...PHONE_SIM_PROFILES], PROFILE_NAMES);
  });
});
