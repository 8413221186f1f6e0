// Every icon Tandem ships, drawn from the one SVG (build/icon.svg): the app icons (PNG sizes,
// macOS .icns, Windows .ico), and the tray's images (macOS menu-bar template images, which macOS
// tints for light and dark menu bars; a colour PNG and .ico for Windows and Linux).
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

/** The drawing, relative to the repository root. */
export const ICON_SVG = 'build/icon.svg';
/** What make-icons wrote and from which drawing: the test checks it against the files. */
export const ICON_MANIFEST = 'build/icons/manifest.json';
/** Sizes of the app icon as PNG (Linux's icon theme sizes and the installers'). */
export const APP_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

export interface IconManifest {
  /** sha256 of build/icon.svg when the icons were made. */
  svg: string;
  /** Every generated file (relative to the repository root) and its sha256. */
  files: Record<string, string>;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function render(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * The tray glyph alone: the background goes, the glyph turns black (a template image is its alpha
 * only) and the view crops to the glyph's tray box, so it fills the menu bar's 16-point square.
 */
export function trayTemplateSvg(svg: string): string {
  const box = /data-tray-box="([^"]+)"/.exec(svg)?.[1];
  if (!box) throw new Error(`${ICON_SVG}: the #glyph group needs a data-tray-box`);
  const withoutBackground = svg.replace(/<rect id="background"[^>]*\/>/, '');
  if (withoutBackground === svg) throw new Error(`${ICON_SVG}: no <rect id="background" …/>`);
  return withoutBackground
    .replace(/viewBox="[^"]+"/, `viewBox="${box}"`)
    .replaceAll('#ffffff', '#000000');
}

function ico(png: Buffer, what: string): Buffer {
  // Bitmaps for the small sizes and PNG for 256 (forWinExe): what Windows' shell reads everywhere.
  const out = png2icons.createICO(png, png2icons.BICUBIC, 0, false, true);
  if (!out) throw new Error(`could not encode ${what} as .ico`);
  return out;
}

/** Every icon file by its path relative to the repository root. */
export function iconSet(svg: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of APP_ICON_SIZES) {
    files.set(`build/icons/${size}x${size}.png`, render(svg, size));
  }
  const big = render(svg, 1024);
  files.set('build/icon.png', big);
  const icns = png2icons.createICNS(big, png2icons.BICUBIC, 0);
  if (!icns) throw new Error('could not encode the app icon as .icns');
  files.set('build/icon.icns', icns);
  files.set('build/icon.ico', ico(big, 'the app icon'));

  const template = trayTemplateSvg(svg);
  files.set('build/icons/tray/trayTemplate.png', render(template, 16));
  files.set('build/icons/tray/trayTemplate@2x.png', render(template, 32));
  files.set('build/icons/tray/tray.png', render(svg, 16));
  files.set('build/icons/tray/tray@2x.png', render(svg, 32));
  files.set('build/icons/tray/tray.ico', ico(render(svg, 256), 'the tray icon'));
  return files;
}

export function manifestOf(svg: string, files: Map<string, Buffer>): IconManifest {
  return {
    svg: sha256(svg),
    files: Object.fromEntries([...files].map(([path, data]) => [path, sha256(data)])),
  };
}
