// A Tandem install made from the build alone, for the tests that prove it runs without compilers:
// dist/ built into a temp folder, package.json, and node_modules holding every installed package
// except the compilers (esbuild, tsx, typescript). On top, every process runs with a guard
// (--import no-compilers.mjs) that makes importing or requiring esbuild, tsx or typescript throw.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDist } from '../scripts/build.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
export const COMPILERS = ['esbuild', '@esbuild', 'tsx', 'typescript'];
const COMPILER = /^(esbuild|@esbuild\/|tsx|typescript)(\/|$)/;

export interface BuiltApp {
  /** The install's root: dist/, package.json, node_modules. */
  root: string;
  dist: string;
  /** Node arguments that run the built CLI with the compiler guard: `[...tandemArgs, 'server']`. */
  tandemArgs: string[];
}

export async function makeBuiltApp(): Promise<BuiltApp> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-built-'));
  const dist = join(root, 'dist');
  await buildDist(dist);
  copyFileSync(join(repo, 'package.json'), join(root, 'package.json'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (COMPILERS.includes(name) || name.startsWith('.')) continue;
    symlinkSync(join(repo, 'node_modules', name), join(root, 'node_modules', name));
  }
  const guard = writeCompilerGuard(root);
  return { root, dist, tandemArgs: ['--import', guard, join(dist, 'tandem.js')] };
}

/**
 * Writes the guard (no-compilers.mjs and its hooks) into `root` and returns its path: a process
 * started with `--import <guard>` throws when it imports or requires esbuild, tsx or typescript.
 */
export function writeCompilerGuard(root: string): string {
  const guard = join(root, 'no-compilers.mjs');
  writeFileSync(
    join(root, 'no-compilers-hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (${COMPILER}.test(specifier)) throw new Error('a compiler was loaded at run time: ' + specifier);
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    guard,
    `import Module, { register } from 'node:module';
register('./no-compilers-hooks.mjs', import.meta.url);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (${COMPILER}.test(request)) throw new Error('a compiler was required at run time: ' + request);
  return resolveFilename.call(this, request, ...rest);
};
`,
  );
  return guard;
}

/** Starts a child in its own process group (ended with stopChild), collecting its output. */
export function startChild(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}
