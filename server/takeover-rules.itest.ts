// The takeover rule on a real PostgreSQL (the suite: testing/suites/takeover-rules-suite.ts).
import { takeoverRulesSuite } from '../testing/suites/takeover-rules-suite.js';

takeoverRulesSuite('postgres');
