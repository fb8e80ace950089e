// The report's fonts: Noto Sans Hans (Simplified Chinese, with Latin) from an npm package,
// so `npm install` is the only set-up step and the PDF shows Chinese on any machine. The
// files are read once and kept: parsing them is most of a small report's time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package exports only its index (in dist/); the fonts sit beside that folder.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
);

export const FONT_FILES = {
  regular: path.join(FONT_DIR, 'NotoSansHans-Regular.otf'),
  bold: path.join(FONT_DIR, 'NotoSansHans-Bold.otf'),
} as const;

let loaded: { regular: Buffer; bold: Buffer } | null = null;

export function reportFonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
  };
  return loaded;
}
