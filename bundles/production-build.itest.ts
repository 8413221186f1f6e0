// The build runs without the compilers: dist/ built into a temp folder with node_modules minus
// esbuild, tsx and typescript, every process under a guard that throws if one is imported or
// required (testing/built-app.ts). Then `tandem --help`, `tandem server` serving the phone page
// and its scripts from the prebuilt files, and the walk: the built agent (headless), a simulated
// phone on a private adb server, the phone's browser through adb reverse, a PC page mirrored live
// (testing/built-walk.ts, which bundles/installer.itest.ts runs on the installer's app as well).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { makeBuiltApp, startChild, stopChild, type BuiltApp } from '../testing/built-app.js';
import { runWalkOnBuiltAgent } from '../testing/built-walk.js';
import { waitFor } from '../testing/wait.js';

const run = promisify(execFile);
let app: BuiltApp;

before(async () => {
  app = await makeBuiltApp();
});

after(() => {
  if (app) rmSync(app.root, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the guard works: esbuild, tsx and typescript cannot be loaded in the built app', async () => {
  for (const name of ['esbuild', 'tsx', 'typescript']) {
    const script = `import(${JSON.stringify(name)}).then(() => process.exit(0), () => process.exit(3))`;
    await assert.rejects(
      run(process.execPath, [...app.tandemArgs.slice(0, 2), '-e', script], { cwd: app.root }),
      (error: { code?: number }) => error.code === 3,
      `${name} must not be loadable`,
    );
  }
});

test('dist holds no TypeScript and its code never mentions esbuild or imports tsx', () => {
  const files = filesUnder(app.dist);
  assert.deepEqual(
    files.filter((file) => /\.tsx?$/.test(file)),
    [],
  );
  const code = files.filter((file) => /\.(js|cjs|mjs)$/.test(file));
  assert.ok(code.some((file) => file.endsWith('tandem.js')));
  assert.ok(code.some((file) => file.endsWith('electron-main.js')));
  for (const file of code) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /esbuild/i, file);
    assert.doesNotMatch(text, /["']tsx(\/[^"']*)?["']/, file);
  }
});

test('tandem --help runs from dist without the compilers', async () => {
  const { stdout } = await run(process.execPath, [...app.tandemArgs, '--help'], {
    cwd: app.root,
  });
  assert.match(stdout, /^Usage: tandem/);
  for (const command of ['agent', 'server', 'devices', 'open'])
    assert.match(stdout, new RegExp(`\\n  ${command} `));
});

test('the built Electron main links and starts without the compilers (Electron stubbed)', async () => {
  // No Electron binary here: a stub module stands in for 'electron', exporting every name the build
  // imports from it; the main process reaching app.requestSingleInstanceLock() proves it loaded.
  const names = new Set<string>();
  for (const file of filesUnder(app.dist).filter((f) => f.endsWith('.js'))) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(
      /import \{([^}]*)\} from "electron"/g,
    )) {
      for (const item of (list ?? '').split(',')) names.add(item.trim().split(/\s+as\s+/)[0] ?? '');
    }
  }
  assert.ok(names.has('app'));
  const stub = join(app.root, 'electron-stub.mjs');
  writeFileSync(
    stub,
    [...names]
      .filter((name) => name !== 'app')
      .map((name) => `export const ${name} = class {};`)
      .concat(
        // The main process moves Electron's userData apart from Tandem's data before the lock.
        `export const app = { isPackaged: false, getPath: () => process.cwd(), setPath() {}, requestSingleInstanceLock() { process.stdout.write('electron main started\\n'); process.exit(0); } };`,
      )
      .join('\n'),
  );
  writeFileSync(
    join(app.root, 'electron-stub-hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true };
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    join(app.root, 'electron-stub-register.mjs'),
    `import { register } from 'node:module';\nregister('./electron-stub-hooks.mjs', import.meta.url);\n`,
  );
  const { stdout } = await run(
    process.execPath,
    [
      ...app.tandemArgs.slice(0, 2),
      '--import',
      join(app.root, 'electron-stub-register.mjs'),
      join(app.dist, 'electron-main.js'),
    ],
    { cwd: app.root, env: { ...process.env, TANDEM_DATA_DIR: join(app.root, 'electron-data') } },
  );
  assert.equal(stdout, 'electron main started\n');
});

test('tandem server serves the phone page and its scripts from the prebuilt files', async () => {
  // Marks the built files: what the server sends must be read from them, not bundled anew.
  for (const name of ['phone-page', 'replayer']) {
    appendFileSync(join(app.dist, 'bundles', `${name}.js`), `\n/* prebuilt ${name} */\n`);
  }
  const { child, output } = startChild(
    [...app.tandemArgs, 'server', '--port', '0', '--data', join(app.root, 'server-data')],
    app.root,
  );
  try {
    const url = await waitFor(
      'the server URL',
      () => {
        if (child.exitCode !== null) throw new Error(`server exited: ${output.stderr}`);
        return /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(output.stdout)?.[1];
      },
      30_000,
    );
    const page = await fetch(`${url}/s/some-page-id`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(html, readFileSync(join(app.dist, 'phone-page/phone-page.html'), 'utf8'));
    assert.match(html, /src="\/m\/phone\.js"/);
    const phone = await (await fetch(`${url}/m/phone.js`)).text();
    assert.equal(phone, readFileSync(join(app.dist, 'bundles/phone-page.js'), 'utf8'));
    assert.match(phone, /prebuilt phone-page/);
    const mirror = await (await fetch(`${url}/m/mirror.js`)).text();
    assert.match(mirror, /TandemMirror/);
    assert.match(mirror, /prebuilt replayer/);
    assert.doesNotMatch(output.stderr, /compiler was (loaded|required)/);
  } finally {
    await stopChild(child);
  }
});

test('the walk on the built agent: plug in, the phone opens the session page, a PC page is mirrored', async () => {
  await runWalkOnBuiltAgent({
    cwd: app.root,
    tandemArgs: app.tandemArgs,
    dataDir: join(app.root, 'agent-data'),
  });
});
