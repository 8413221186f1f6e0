// The takeover API on SQLite (the suite: testing/suites/takeover-api-suite.ts).
import { takeoverApiSuite } from '../testing/suites/takeover-api-suite.js';

takeoverApiSuite('sqlite');
