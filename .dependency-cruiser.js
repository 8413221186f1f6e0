// @ts-check
// The direction of imports, built from rooms.json (the one list of rooms and their allowed arrows).
// `npm run lint` runs it: depcruise --config .dependency-cruiser.js .
//   - product code of room X imports only X and the rooms X.imports names ("*": any room);
//   - a test (*.test.ts, *.itest.ts, *.robust.ts) of room X imports X, X.imports and testing/:
//     tests cross rooms only through testing/;
//   - only tests and the rooms testing, e2e and bench import testing/;
//   - no import cycle anywhere.
// Type-only imports count (tsPreCompilationDeps), and so do dynamic imports.
import { readFileSync } from 'node:fs';

/** @typedef {{ kind: string, holds: string, imports: string[] | '*' }} Room */
/** @type {Record<string, Room>} */
const rooms = JSON.parse(readFileSync(new URL('./rooms.json', import.meta.url), 'utf8')).rooms;
const names = Object.keys(rooms);

const TESTS = '\\.(test|itest|robust)\\.ts$';
const TESTING = 'testing';
// The rooms whose product code may use the test kits: the kits themselves, the benches, and any
// room whose imports name testing (e2e).
const USE_TESTING = [
  ...new Set([TESTING, 'bench', ...names.filter((n) => rooms[n]?.imports.includes(TESTING))]),
];

/** @param {string[]} list */
const under = (list) => `^(${list.join('|')})/`;

/** @param {string} name @returns {string[]} the rooms `name` may import, itself included */
function allowed(name) {
  const imports = rooms[name]?.imports ?? [];
  return imports === '*' ? names : [name, ...imports];
}

/** @param {string[]} list */
const listed = (list) => (list.length === 0 ? 'nothing else' : list.join(', '));

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'An import cycle: break it, e.g. with a types file both sides import.',
    from: {},
    to: { circular: true },
  },
  {
    name: 'only-tests-import-testing',
    severity: 'error',
    comment: `testing/ holds the test kits: only tests and the rooms ${USE_TESTING.join(', ')} import it.`,
    from: { pathNot: [under(USE_TESTING), TESTS] },
    to: { path: under([TESTING]) },
  },
];

for (const name of names) {
  const mine = allowed(name);
  const others = /** @type {string[]} */ (rooms[name]?.imports ?? []);
  // testing/ is the only-tests-import-testing rule's: one message for one mistake.
  const forbiddenRooms = names.filter((n) => !mine.includes(n) && n !== TESTING);
  if (forbiddenRooms.length === 0) continue;
  forbidden.push(
    {
      name: `${name}-imports-only-its-rooms`,
      severity: 'error',
      comment: `${name}/ may import only ${listed(others)} (rooms.json).`,
      from: { path: under([name]), pathNot: TESTS },
      to: { path: under(forbiddenRooms) },
    },
    {
      name: `${name}-tests-cross-rooms-through-testing`,
      severity: 'error',
      comment:
        `A test in ${name}/ may import ${[name, ...others.filter((n) => n !== TESTING), TESTING].join('/, ')}/: ` +
        'it reaches any other room through a kit in testing/.',
      from: { path: `^${name}/.*${TESTS}` },
      to: { path: under(forbiddenRooms) },
    },
  );
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
