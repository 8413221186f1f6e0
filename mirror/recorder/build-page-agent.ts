// The page agent (rrweb + the page operations) as one script to inject: prebuilt in dist/ when
// running the build, bundled from the sources at first use otherwise (bundles/browser-bundle.ts).
import { browserBundle } from '../../bundles/browser-bundle.js';
import { PAGE_CONFIG, type RecorderConfig } from './recorder-config.js';

export function pageAgentBundle(): Promise<string> {
  return browserBundle('page-agent');
}

/** The script to inject: the config, then the bundle. */
export async function pageAgentScript(config: Partial<RecorderConfig> = {}): Promise<string> {
  return `window[${JSON.stringify(PAGE_CONFIG)}] = ${JSON.stringify(config)};\n${await pageAgentBundle()}`;
}
