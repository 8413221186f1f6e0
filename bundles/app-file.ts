// Where the app's own files are: next to the sources when running from them (tsx: tests, benches),
// inside dist/ when running the build. scripts/build.ts copies every file read here to the same
// relative path under dist/ and sets TANDEM_BUILT, so only the root differs.
import { fileURLToPath } from 'node:url';

/** Replaced by `true` in the build (esbuild `define`); undeclared when running from the sources. */
declare const TANDEM_BUILT: boolean | undefined;

/** True in dist/ (the bundled entries sit at its root, so their import.meta.url is there). */
export const RUNNING_BUILT = typeof TANDEM_BUILT === 'boolean' && TANDEM_BUILT;

const appRoot = RUNNING_BUILT ? new URL('./', import.meta.url) : new URL('../', import.meta.url);

/** The path of an app file given relative to the repository root, e.g. 'desktop-ui/index.html'. */
export function appFile(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, appRoot));
}
