import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** What a person checks in a PDF, through the same tools they would use (poppler, PDFBox). */
async function withFil<T>(pdf: Buffer, arbete: (fil: string) => Promise<T>): Promise<T> {
  const katalog = mkdtempSync(join(tmpdir(), 'remiss-pdftest-'));
  const fil = join(katalog, 'dokument.pdf');
  writeFileSync(fil, pdf);
  try {
    return await arbete(fil);
  } finally {
    rmSync(katalog, { recursive: true, force: true });
  }
}

/** `pdftotext` of the whole document, in reading order, or as laid out on the page (`layout`). */
export function pdfText(pdf: Buffer, layout = false): Promise<string> {
  return withFil(
    pdf,
    async (fil) => (await exec('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), fil, '-'])).stdout,
  );
}

/** The text of each page (pdftotext ends every page with a form feed), page 1 first. */
export async function pdfSidor(pdf: Buffer): Promise<string[]> {
  return (await pdfText(pdf)).split('\f').slice(0, -1);
}

/**
 * `pdftotext` of the text area only (A4 without the top 29 mm and bottom 31 mm, where the running
 * header and footer sit), so a paragraph broken across pages reads as one.
 */
export function pdfBrodtext(pdf: Buffer): Promise<string> {
  return withFil(
    pdf,
    async (fil) =>
      (await exec('pdftotext', ['-enc', 'UTF-8', '-x', '0', '-y', '82', '-W', '595', '-H', '672', fil, '-'])).stdout,
  );
}

/** A word on a page and its box, in points from the page's top left (`pdftotext -bbox`). */
export interface PdfOrd {
  ord: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of page `sida` (1-based) with their boxes. */
export function pdfOrd(pdf: Buffer, sida: number): Promise<PdfOrd[]> {
  return withFil(pdf, async (fil) => {
    const { stdout } = await exec('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', `${sida}`, '-l', `${sida}`, fil, '-']);
    const ord: PdfOrd[] = [];
    for (const m of stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      ord.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], ord: m[5] });
    }
    return ord;
  });
}

/** Page `sida` drawn in grey at `dpi` (`pdftoppm`): `ljus(x, y)` is 0 (black) to 255 (white), x and y in points. */
export function pdfBild(
  pdf: Buffer,
  sida: number,
  dpi = 144,
): Promise<{ bredd: number; hojd: number; ljus(x: number, y: number): number }> {
  return withFil(pdf, async (fil) => {
    const ut = `${fil}-bild`;
    await exec('pdftoppm', ['-gray', '-r', `${dpi}`, '-f', `${sida}`, '-l', `${sida}`, '-singlefile', fil, ut]);
    const pgm = readFileSync(`${ut}.pgm`);
    // P5 <width> <height> <maxval>\n, then one byte per pixel.
    const huvud = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
    const [bredd, hojd] = [Number(huvud[1]), Number(huvud[2])];
    const data = pgm.subarray(huvud[0].length);
    const skala = dpi / 72;
    return {
      bredd: bredd / skala,
      hojd: hojd / skala,
      ljus: (x, y) => data[Math.round(y * skala) * bredd + Math.round(x * skala)] ?? 255,
    };
  });
}

/** `pdfinfo` as a map: Title, Author, Tagged, Pages … */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withFil(pdf, async (fil) => {
    const { stdout } = await exec('pdfinfo', ['-enc', 'UTF-8', fil]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
  });
}

/** `pdfinfo -meta`: the XMP packet. */
export function pdfXmp(pdf: Buffer): Promise<string> {
  return withFil(pdf, async (fil) => (await exec('pdfinfo', ['-meta', fil])).stdout);
}

const PREFLIGHT_CLASSPATH = [
  'preflight',
  'pdfbox2',
  'fontbox2',
  'xmpbox',
  'commons-logging',
  'javax.activation',
  'jaxb-api',
]
  .map((jar) => `/usr/share/java/${jar}.jar`)
  .join(':');

/**
 * Apache PDFBox Preflight (Debian libpdfbox2-java; on Java 17 it also needs libactivation-java and
 * libjaxb-api-java). It checks PDF/A-1b. It compares the Info dates with the XMP dates through the
 * JVM's time zone; the platform writes both with an explicit offset, and the check runs with
 * TZ=Europe/Stockholm, the zone the documents are dated in.
 */
export function preflight(pdf: Buffer): Promise<{ giltig: boolean; utskrift: string }> {
  return withFil(pdf, async (fil) => {
    try {
      const { stdout } = await exec(
        'java',
        ['-cp', PREFLIGHT_CLASSPATH, 'org.apache.pdfbox.preflight.Validator_A1b', fil],
        { env: { ...process.env, TZ: 'Europe/Stockholm' } },
      );
      return { giltig: /is a valid PDF\/A-1b file/.test(stdout), utskrift: stdout };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return { giltig: false, utskrift: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
    }
  });
}

/** Words only: punctuation, quotes and line breaks differ between a typed letter and its PDF. */
export function ord(text: string): string {
  return ` ${(text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
}

/** For markup printed as text, where a line may break after any character a browser allows. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

export function blanksteg(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
