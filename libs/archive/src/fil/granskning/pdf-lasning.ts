import { createHash } from 'node:crypto';
import { aktivtInnehall, ObjektstromForStor } from './aktivt-innehall';

/** One file for a reading worker, with the budgets it must stay within. */
export interface LasUppdrag {
  data: Uint8Array;
  maxSidor: number;
  maxTextBytes: number;
  /** How far FlateDecode object streams may inflate while they are searched for actions. */
  maxInflatedBytes: number;
}

/** What the pool gives every reading thread. */
export interface LasareData {
  nice: number;
}

export type LasFel =
  | 'PDF_ENCRYPTED'
  | 'PDF_CORRUPT'
  | 'PDF_TOO_MANY_PAGES'
  | 'PDF_TEXT_TOO_LARGE'
  | 'PDF_ACTIVE_CONTENT'
  | 'PDF_TOO_COMPLEX';

/**
 * `data`: the file's bytes, given back to the caller (who lent them) with their SHA-256, both
 * computed here rather than on the event loop. `avbruten`: pdfjs was left in the middle of a page,
 * so the thread that ran it must not read another file.
 */
export type LasResultat =
  | { ok: true; sidor: string[]; data: Uint8Array<ArrayBuffer>; sha256: string }
  | { ok: false; fel: LasFel; detalj?: string; sidantal?: number; avbruten?: true };

type PdfJs = typeof import('pdfjs-dist');
type PdfSida = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

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
 * Opens the PDF and reads the text of every page, refusing what is encrypted, has active content or
 * goes over a budget. Runs in a worker thread (pdf-lasning.worker.ts): pdfjs parses synchronously,
 * and a hostile file must cost that thread, not the one answering requests. `steg` is called before
 * each page, so the pool can bound the time of one page: pdfjs gathers a line of text into one item,
 * so a page of 100 MB of text running off the page never trips the text budget and would otherwise
 * take the whole file's time. Opening the file (50,000 pages of a page tree, say) has the file's.
 */
export async function readPdf(uppdrag: LasUppdrag, steg: () => void = () => undefined): Promise<LasResultat> {
  // pdfjs may detach the bytes it is given; the action scan reads the same bytes afterwards, and
  // they go back to the caller.
  const kopia = uppdrag.data.slice();
  // isEvalSupported off: untrusted fonts must never be compiled to JavaScript (CVE-2024-4367).
  const task = loadPdfJs().getDocument({
    data: uppdrag.data,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: true,
  });
  let avbruten = false;
  try {
    const doc = await task.promise;
    // The parsed trailer, not the bytes: `/Encr#79pt` is the same name as `/Encrypt`. An encrypted
    // file that opens with the empty user password still names its security handler here.
    const { info } = (await doc.getMetadata()) as { info: { EncryptFilterName?: string | null } };
    if (info.EncryptFilterName) return { ok: false, fel: 'PDF_ENCRYPTED' };
    if (doc.numPages < 1) return { ok: false, fel: 'PDF_CORRUPT', detalj: 'no pages' };
    if (doc.numPages > uppdrag.maxSidor) return { ok: false, fel: 'PDF_TOO_MANY_PAGES', sidantal: doc.numPages };
    const aktiv =
      aktivtInnehall(kopia, uppdrag.maxInflatedBytes) ?? ((await doc.getJSActions()) ? 'JavaScript' : undefined);
    if (aktiv) return { ok: false, fel: 'PDF_ACTIVE_CONTENT', detalj: aktiv };
    const sidor: string[] = [];
    let kvar = uppdrag.maxTextBytes;
    for (let n = 1; n <= doc.numPages; n++) {
      steg();
      const page = await doc.getPage(n);
      if ((await page.getJSActions()) || (await page.getAnnotations()).some((a) => a.actions))
        return { ok: false, fel: 'PDF_ACTIVE_CONTENT', detalj: 'JavaScript' };
      const text = await sidtext(page, kvar);
      if (text === undefined) {
        avbruten = true;
        return { ok: false, fel: 'PDF_TEXT_TOO_LARGE', avbruten: true };
      }
      kvar -= Buffer.byteLength(text);
      sidor.push(text);
      page.cleanup();
    }
    return { ok: true, sidor, data: kopia, sha256: createHash('sha256').update(kopia).digest('hex') };
  } catch (e) {
    if (e instanceof ObjektstromForStor)
      return { ok: false, fel: 'PDF_TOO_COMPLEX', detalj: 'object streams inflate beyond the memory budget' };
    if ((e as Error).name === 'PasswordException') return { ok: false, fel: 'PDF_ENCRYPTED' };
    return { ok: false, fel: 'PDF_CORRUPT', detalj: (e as Error).message };
  } finally {
    // Destroying waits for the page being parsed, which may never end: the worker is dropped instead.
    if (!avbruten) await task.destroy();
  }
}

/** A page's text, read as pdfjs streams it so that a page of endless text stops at the budget (undefined then). */
async function sidtext(page: PdfSida, kvar: number): Promise<string | undefined> {
  const reader = (
    page.streamTextContent() as ReadableStream<{ items: { str?: string; hasEOL?: boolean }[] }>
  ).getReader();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text.trim();
    for (const item of value.items) {
      if (item.str === undefined) continue;
      const del = item.str + (item.hasEOL ? '\n' : '');
      bytes += Buffer.byteLength(del);
      text += del;
    }
    if (bytes > kvar) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
}
