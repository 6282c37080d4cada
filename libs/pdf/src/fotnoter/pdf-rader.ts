import { PT_PER_MM, Sidformat } from '../vy/sidformat';
import { raknadeTecken } from './html-flode';

/** One printed line of a page's text area. */
export interface Rad {
  /** The counted characters of the document on this line: `[start, slut)`. */
  start: number;
  slut: number;
  /** Baseline, in points from the top of the page. */
  baslinje: number;
  /** The largest font size on the line, in points. */
  storlek: number;
}

export interface Sida {
  rader: Rad[];
  /** The bottom of the text area, in points from the top of the page. */
  textytansBotten: number;
}

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: PdfJs | undefined;

/**
 * pdfjs-dist 3.x, whose legacy build is CommonJS and runs in Node; on load it says through
 * console.log that the optional `canvas` package (for drawing pages, which we never do) is missing.
 */
function loadPdfJs(): PdfJs {
  if (!pdfjs) {
    const log = console.log;
    console.log = () => undefined;
    try {
      pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
    } finally {
      console.log = log;
    }
  }
  return pdfjs;
}

interface Textbit {
  str: string;
  transform: number[];
}

/**
 * The lines of every page's text area, in the order Chromium wrote them (the document's order),
 * with which counted characters each holds. The running header and footer lie outside the text
 * area and are left out. A superscript belongs to the line it is raised from.
 */
export async function lasRader(pdf: Buffer, format: Sidformat): Promise<Sida[]> {
  const task = loadPdfJs().getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const sidor: Sida[] = [];
    let raknat = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const hojd = page.view[3] - page.view[1];
      const topp = (n === 1 ? format.forstaSidansTopp : format.topp) * PT_PER_MM;
      const botten = hojd - format.botten * PT_PER_MM;
      const rader: Rad[] = [];
      for (const bit of (await page.getTextContent()).items as Textbit[]) {
        if (typeof bit.str !== 'string') continue;
        const antal = raknadeTecken(bit.str).length;
        if (antal === 0) continue;
        const storlek = Math.hypot(bit.transform[2], bit.transform[3]);
        const baslinje = hojd - bit.transform[5];
        if (baslinje < topp || baslinje > botten + storlek) continue;
        const rad = rader[rader.length - 1];
        if (rad && Math.abs(baslinje - rad.baslinje) < 0.5 * Math.max(storlek, rad.storlek)) {
          if (storlek > rad.storlek) Object.assign(rad, { storlek, baslinje });
          rad.slut += antal;
        } else {
          rader.push({ start: raknat, slut: raknat + antal, baslinje, storlek });
        }
        raknat += antal;
      }
      page.cleanup();
      sidor.push({ rader, textytansBotten: botten });
    }
    return sidor;
  } finally {
    await task.destroy();
  }
}
