// The report's fonts: Noto Sans Hans (Simplified Chinese, with Latin) from an npm package,
// so `npm install` is the only set-up step and the PDF shows Chinese on any machine. Each
// 8 MB font is read and parsed once per process and handed to every PDF already parsed:
// parsing it again for each report cost about a second.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';

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

let parsed: { regular: Font; bold: Font } | null = null;

function parse(file: string): Font {
  const font = create(readFileSync(file));
  // A font collection would need a name; these files hold one font each.
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}

export function reportFonts(): { regular: Font; bold: Font } {
  parsed ??= { regular: parse(FONT_FILES.regular), bold: parse(FONT_FILES.bold) };
  return parsed;
}
