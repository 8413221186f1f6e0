// phone-sim: the simulated phone, a product command (`tandem phone-sim`) and the tests' phone.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const phoneSimErrors = defineCatalogue({
  room: 'phone-sim',
  heading: 'phone-sim (the simulated phone, test tooling)',
  columns: { action: 'What the person can do' },
  codes: {
    PHONE_SIM_UNKNOWN_PROFILE: {
      when: '`startPhoneSim` got a profile name it does not know.',
      action: 'Use one listed by `tandem phone-sim --help`.',
    },
    PHONE_SIM_INVALID_OPTION: {
      when: 'An option (IMEI, serial, model, port, host, reply delay) is malformed; the message never quotes an IMEI.',
      action: 'Fix the option.',
    },
    PHONE_SIM_LISTEN_FAILED: {
      when: 'The sim could not listen on its host:port (port taken).',
      action: 'Pick another `--port`, or 0 for any free port.',
    },
    PHONE_SIM_CLOSED: { when: '`replug()` on a sim that was closed.', action: 'Start a new sim.' },
    PHONE_SIM_CONNECT_TIMEOUT: {
      when: '`connectSim` did not see the sim in the expected adb state in time.',
      action: 'Check that the adb server is the private one and the sim is listening.',
    },
    ADB_WIRE_MALFORMED: {
      when: 'A client sent the sim something that is not an ADB message (bad magic, a payload over the limit, a wrong checksum); the sim drops that connection.',
      action: 'Connect with adb itself: the sim speaks only the ADB protocol.',
    },
  },
});

export type PhoneSimErrorCode = CodeOf<typeof phoneSimErrors>;
