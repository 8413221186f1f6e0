// The takeover API on a real PostgreSQL (the suite: testing/suites/takeover-api-suite.ts).
import { takeoverApiSuite } from '../testing/suites/takeover-api-suite.js';

takeoverApiSuite('postgres');
