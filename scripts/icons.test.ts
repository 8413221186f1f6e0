// The committed icons are the ones build/icon.svg draws today: change the drawing, run
// `npm run icons`, commit the files.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ICON_MANIFEST,
  ICON_SVG,
  iconSet,
  sha256,
  trayTemplateSvg,
  type IconManifest,
} from './icon-set.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('icons', () => {
  const svg = read(ICON_SVG).toString('utf8');
  const manifest = JSON.parse(read(ICON_MANIFEST).toString('utf8')) as IconManifest;

  it('were made from the drawing as it is now', () => {
    assert.equal(manifest.svg, sha256(svg), 'build/icon.svg changed: run `npm run icons`');
  });

  it('are on disk as the manifest lists them', () => {
    for (const [path, hash] of Object.entries(manifest.files)) {
      assert.equal(sha256(read(path)), hash, `${path} changed: run \`npm run icons\``);
    }
  });

  it('are what the script draws, every one of them', () => {
    const drawn = iconSet(svg);
    assert.deepEqual(Object.keys(manifest.files).sort(), [...drawn.keys()].sort());
    for (const [path, data] of drawn) assert.ok(read(path).equals(data), `${path} is stale`);
  });

  it('include macOS template images at 1x and 2x, a Windows .ico, .icns and app sizes', () => {
    assert.deepEqual(pngSize(read('build/icons/tray/trayTemplate.png')), { width: 16, height: 16 });
    assert.deepEqual(pngSize(read('build/icons/tray/trayTemplate@2x.png')), {
      width: 32,
      height: 32,
    });
    assert.deepEqual(pngSize(read('build/icon.png')), { width: 1024, height: 1024 });
    assert.equal(read('build/icon.icns').subarray(0, 4).toString('latin1'), 'icns');
    for (const ico of ['build/icon.ico', 'build/icons/tray/tray.ico']) {
      // ICONDIR: reserved 0, type 1 (icon), then the image count.
      const head = read(ico);
      assert.deepEqual([head.readUInt16LE(0), head.readUInt16LE(2)], [0, 1], ico);
      assert.ok(head.readUInt16LE(4) >= 5, `${ico} holds several sizes`);
    }
  });

  it('draws the tray template as the glyph alone, in black, with no background', () => {
    const template = trayTemplateSvg(svg);
    assert.doesNotMatch(template, /id="background"/);
    assert.doesNotMatch(template, /#ffffff/);
    assert.match(template, /viewBox="150 152 720 720"/);
  });
});
