// The pairing rules on SQLite (the suite: testing/suites/pairing-rules-suite.ts).
import { pairingRulesSuite } from '../testing/suites/pairing-rules-suite.js';

pairingRulesSuite('sqlite');
