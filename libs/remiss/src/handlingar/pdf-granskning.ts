import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainError } from '@app/core';
import { createHash } from 'node:crypto';

/** What an upload turned out to be: a PDF that opens, with the text of every page. */
export interface GranskadPdf {
  data: Buffer;
  sha256: string;
  sidor: string[];
}

/** The first bytes of formats people upload by mistake, so the refusal can say what the file is. */
const KANDA_FORMAT: [prefix: string, namn: string][] = [
  ['504b0304', 'en ZIP-fil (t.ex. Word- eller Excel-dokument)'],
  ['d0cf11e0', 'ett äldre Office-dokument'],
  ['89504e47', 'en PNG-bild'],
  ['ffd8ff', 'en JPEG-bild'],
  ['7b5c727466', 'ett RTF-dokument'],
];

const fel = (status: HttpStatus, code: string, message: string, svenska: string) => new DomainError(status, code, message, svenska);

type PdfJs = typeof import('pdfjs-dist');

let pdfjs: PdfJs | undefined;
/**
 * pdfjs-dist 3.x: its legacy build is CommonJS and runs in Node and under Jest (4.x and later are
 * ES modules only). On load it warns through console.log that the optional `canvas` package is
 * missing; canvas is for drawing pages, which text extraction never does, so that one load is quiet.
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

/**
 * Checks an uploaded file before anything is stored: size, the `%PDF-` magic bytes, no encryption,
 * and that the PDF opens; then extracts the text of every page (quotations are checked against it).
 */
@Injectable()
export class PdfGranskning {
  readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.PDF_UPLOAD_MAX_MB * 1024 * 1024;
  }

  async granska(data: Buffer | undefined, filnamn = 'filen'): Promise<GranskadPdf> {
    if (!data || data.length === 0) throw fel(HttpStatus.BAD_REQUEST, 'FILE_MISSING', 'No file was uploaded (multipart field "fil")', 'Ingen fil bifogades');
    if (data.length > this.maxBytes) throw this.forStor();
    if (!data.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      const hex = data.subarray(0, 8).toString('hex');
      const kant = KANDA_FORMAT.find(([prefix]) => hex.startsWith(prefix))?.[1];
      throw fel(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'NOT_A_PDF', `${filnamn} is not a PDF`, `${filnamn} är inte en PDF${kant ? ` utan ${kant}` : ''}. Ladda upp handlingen som PDF.`);
    }
    // The trailer (or xref stream) of an encrypted PDF names its /Encrypt dictionary in the clear.
    if (/\/Encrypt[\s/<]/.test(data.toString('latin1'))) throw this.krypterad(filnamn);
    const sidor = await this.lasText(data, filnamn);
    return { data, sha256: createHash('sha256').update(data).digest('hex'), sidor };
  }

  forStor(): DomainError {
    const mb = this.maxBytes / 1024 / 1024;
    return fel(HttpStatus.PAYLOAD_TOO_LARGE, 'FILE_TOO_LARGE', `The file is larger than ${mb} MB`, `Filen är större än ${mb} MB`);
  }

  private krypterad(filnamn: string): DomainError {
    return fel(HttpStatus.UNPROCESSABLE_ENTITY, 'PDF_ENCRYPTED', `${filnamn} is encrypted or password protected`, `${filnamn} är krypterad eller lösenordsskyddad. Spara den utan lösenord och försök igen.`);
  }

  private async lasText(data: Buffer, filnamn: string): Promise<string[]> {
    const lib = loadPdfJs();
    // isEvalSupported off: untrusted fonts must never be compiled to JavaScript (CVE-2024-4367).
    const task = lib.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
    try {
      const doc = await task.promise;
      if (doc.numPages < 1) throw new Error('no pages');
      const sidor: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        sidor.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('').trim());
        page.cleanup();
      }
      return sidor;
    } catch (e) {
      if ((e as Error).name === 'PasswordException') throw this.krypterad(filnamn);
      if (e instanceof DomainError) throw e;
      throw fel(HttpStatus.UNPROCESSABLE_ENTITY, 'PDF_CORRUPT', `${filnamn} cannot be opened as a PDF (${(e as Error).message})`, `${filnamn} går inte att öppna – filen är skadad eller ofullständig.`);
    } finally {
      await task.destroy();
    }
  }
}
