// The fixture site, a headless Chromium host and the mirror stream on it: the prelude of the tests
// that drive the PC's browser and read what the recorder streams.
import {
  startMirrorStream,
  type MirrorStream,
  type MirrorStreamOptions,
} from '../agent/browser/mirror-stream.js';
import {
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from './fixture-site.js';

export interface MirroredSite {
  site: FixtureSite;
  pc: TestHost;
  mirror: MirrorStream;
  /** Stops the stream, then the browser, then the site. */
  close(): Promise<void>;
}

export async function startMirroredSite(options: MirrorStreamOptions = {}): Promise<MirroredSite> {
  const site = await startFixtureSite();
  const pc = await launchTestHost();
  const mirror = await startMirrorStream(pc.host, options);
  return {
    site,
    pc,
    mirror,
    close: async () => {
      mirror.stop();
      await pc.cleanup();
      await site.close();
    },
  };
}
