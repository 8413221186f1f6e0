// Bundles the page agent (rrweb + the page operations) into one script, once per process, with
// esbuild. Nothing built is committed: the bundle is made from the sources at first use.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PAGE_CONFIG, type RecorderConfig } from './recorder-config.js';

let bundle: Promise<string> | undefined;

export function pageAgentBundle(): Promise<string> {
  bundle ??= bundleEntry(fileURLToPath(new URL('./page-agent.ts', import.meta.url)));
  return bundle;
}

/** The script to inject: the config, then the bundle. */
export async function pageAgentScript(config: Partial<RecorderConfig> = {}): Promise<string> {
  return `window[${JSON.stringify(PAGE_CONFIG)}] = ${JSON.stringify(config)};\n${await pageAgentBundle()}`;
}

/** One browser IIFE of an entry file, minified. Shared with the replayer's bundle. */
export async function bundleEntry(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    ...(globalName ? { globalName } : {}),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}
