// bindings-api on SQLite (the suite: testing/suites/bindings-api-suite.ts).
import { bindingsApiSuite } from '../testing/suites/bindings-api-suite.js';

bindingsApiSuite('sqlite');
