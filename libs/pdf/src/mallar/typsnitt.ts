import { readFileSync } from 'node:fs';

/**
 * The fonts of every document, from npm (@fontsource, OFL), inlined as data: URLs: the page may
 * load nothing but data:, and every machine renders the same glyphs. Only the latin subset, which
 * holds å ä ö, é, § and the typographic quotes; a face the templates do not use is not embedded.
 */
const ANSIKTEN = [
  {
    familj: 'Source Serif 4',
    paket: '@fontsource/source-serif-4',
    fil: 'source-serif-4-latin-400-normal',
    vikt: 400,
    stil: 'normal',
  },
  {
    familj: 'Source Serif 4',
    paket: '@fontsource/source-serif-4',
    fil: 'source-serif-4-latin-400-italic',
    vikt: 400,
    stil: 'italic',
  },
  {
    familj: 'Source Serif 4',
    paket: '@fontsource/source-serif-4',
    fil: 'source-serif-4-latin-700-normal',
    vikt: 700,
    stil: 'normal',
  },
  {
    familj: 'Source Sans 3',
    paket: '@fontsource/source-sans-3',
    fil: 'source-sans-3-latin-400-normal',
    vikt: 400,
    stil: 'normal',
  },
  {
    familj: 'Source Sans 3',
    paket: '@fontsource/source-sans-3',
    fil: 'source-sans-3-latin-600-normal',
    vikt: 600,
    stil: 'normal',
  },
] as const;

/** `@font-face` rules with the woff2 files inlined; built once per process. */
export function typsnittCss(): string {
  return ANSIKTEN.map((a) => {
    const woff2 = readFileSync(require.resolve(`${a.paket}/files/${a.fil}.woff2`)).toString('base64');
    return `@font-face{font-family:'${a.familj}';font-style:${a.stil};font-weight:${a.vikt};font-display:block;src:url(data:font/woff2;base64,${woff2}) format('woff2');}`;
  }).join('\n');
}
