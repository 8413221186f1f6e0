// shadow-accounts on a real PostgreSQL (the suite: testing/suites/shadow-accounts-suite.ts).
import { shadowAccountsSuite } from '../testing/suites/shadow-accounts-suite.js';

shadowAccountsSuite('postgres');
