// The pairing rules on a real PostgreSQL (the suite: testing/suites/pairing-rules-suite.ts).
import { pairingRulesSuite } from '../testing/suites/pairing-rules-suite.js';

pairingRulesSuite('postgres');
