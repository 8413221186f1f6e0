// The takeover rule on SQLite (the suite: testing/suites/takeover-rules-suite.ts).
import { takeoverRulesSuite } from '../testing/suites/takeover-rules-suite.js';

takeoverRulesSuite('sqlite');
