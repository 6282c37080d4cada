import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfFel } from '../pdf-fel';
import { Dokumentinfo, withPdfaDelar, withPdfaDokumentinfo } from '../pdf-dokumentinfo';

export interface PdfaInstallningar {
  ghostscript: string;
  /** An sRGB ICC profile: the OutputIntent every PDF/A file must carry. */
  iccProfil: string;
  timeoutMs: number;
}

/** A PostScript string literal; the path is ours, but a parenthesis in it must not end the string. */
function psString(value: string): string {
  return `(${value.replace(/[\\()]/g, (ch) => `\\${ch}`)})`;
}

/** The prologue that gives Ghostscript's PDF/A-1 output its sRGB OutputIntent. */
function outputIntent(iccProfil: string): string {
  return [
    '%!',
    '[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark',
    '[{icc_PDFA} << /N 3 >> /PUT pdfmark',
    `[{icc_PDFA} ${psString(iccProfil)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark',
    '[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) >> /PUT pdfmark',
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/**
 * What Chromium (Skia) prints needs no second renderer to become PDF/A-1b: PDF 1.4, a classic xref
 * table, every font embedded, no transparency, not PDF/A already. Anything else (an external
 * party's upload) goes through Ghostscript.
 */
export function isChromiumPdf(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  return (
    text.startsWith('%PDF-1.4') &&
    text.includes('/Producer (Skia/PDF') &&
    !/\/Transparency|\/SMask|\/XRefStm|\/Type\s*\/XRef|\/ObjStm|\/JavaScript|\/EmbeddedFile|\/OutputIntents/.test(
      text,
    ) &&
    (text.match(/\/Type \/FontDescriptor/g) ?? []).length === (text.match(/\/FontFile2 /g) ?? []).length
  );
}

/**
 * The archival rendition, PDF/A-1b. The platform's own documents get it written into Chromium's
 * output (OutputIntent, XMP, CIDSet, Info: one incremental update, ~15 ms against ~0.5 s for
 * Ghostscript; see docs/architecture.md); any other PDF is rewritten by Ghostscript, which 10.00
 * makes drop a document title with å/ä/ö, so the Info dictionary and the XMP packet are written
 * afterwards, from the metadata we were given, in one incremental update.
 */
export class PdfaKonverterare {
  private icc?: Promise<Buffer>;

  constructor(private readonly installningar: PdfaInstallningar) {}

  async convert(pdf: Buffer, info: Dokumentinfo): Promise<Buffer> {
    if (isChromiumPdf(pdf)) {
      this.icc ??= readFile(this.installningar.iccProfil);
      return withPdfaDelar(pdf, info, await this.icc);
    }
    return this.convertWithGhostscript(pdf, info);
  }

  async convertWithGhostscript(pdf: Buffer, info: Dokumentinfo): Promise<Buffer> {
    const { ghostscript, iccProfil, timeoutMs } = this.installningar;
    const katalog = await mkdtemp(join(tmpdir(), 'remiss-pdfa-'));
    try {
      const [prolog, indata, utdata] = ['pdfa.ps', 'in.pdf', 'ut.pdf'].map((fil) => join(katalog, fil));
      await writeFile(prolog, outputIntent(iccProfil));
      await writeFile(indata, pdf);
      await run(
        ghostscript,
        [
          '-q',
          '-dBATCH',
          '-dNOPAUSE',
          '-dSAFER',
          `--permit-file-read=${iccProfil}`,
          '-dPDFA=1',
          '-dPDFACompatibilityPolicy=1',
          '-sColorConversionStrategy=RGB',
          '-sProcessColorModel=DeviceRGB',
          '-sDEVICE=pdfwrite',
          `-sOutputFile=${utdata}`,
          prolog,
          indata,
        ],
        timeoutMs,
      );
      return withPdfaDokumentinfo(await readFile(utdata), info);
    } finally {
      await rm(katalog, { recursive: true, force: true });
    }
  }
}

function run(program: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const varfor =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? `"${program}" is not installed (apt-get install ghostscript, or set GHOSTSCRIPT_PATH)`
            : error.killed
              ? `it took longer than ${timeoutMs} ms`
              : String(stderr || error.message)
                  .trim()
                  .split('\n')[0];
        reject(new PdfFel(`Making the PDF/A rendition with Ghostscript failed: ${varfor}`));
      },
    );
  });
}
