import { constants, inflateSync } from 'node:zlib';

/**
 * Action types that make a PDF reader run code or start a program. Looked for as PDF name tokens
 * (with `#xx` escapes decoded, as a reader decodes them) in the file's objects and in its
 * FlateDecode object streams, outside strings, comments and content streams: pdfjs's API shows the
 * JavaScript it finds, but not a Launch action behind /OpenAction or /AA.
 */
const AKTIVA_NAMN = new Set(['JavaScript', 'Launch']);

/** Thrown when the object streams inflate beyond the budget (a decompression bomb). */
export class ObjektstromForStor extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (b: number) => !WS.has(b) && !DELIM.has(b);

/** What `aktivtInnehall` answers for an object stream it cannot search. */
export const OSOKBAR_OBJEKTSTROM = 'ObjStm';

/** The first active action type named in the PDF (`JavaScript`, `Launch`), `ObjStm` for an object stream it cannot search, or undefined. */
export function aktivtInnehall(pdf: Uint8Array, maxInflatedBytes: number): string | undefined {
  const budget = { kvar: maxInflatedBytes };
  return scan(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), budget, true);
}

function scan(b: Buffer, budget: { kvar: number }, toppniva: boolean): string | undefined {
  // Names of the current indirect object's dictionary, to recognise an object stream at `stream`.
  let objektNamn: string[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x25) {
      // % comment to end of line
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      i = endOfLiteral(b, i);
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      i += 2;
    } else if (c === 0x3c) {
      const slut = b.indexOf(0x3e, i + 1);
      i = slut < 0 ? b.length : slut + 1;
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < b.length && isRegular(b[j])) j++;
      const namn = decodeNamn(b.toString('latin1', i + 1, j));
      if (AKTIVA_NAMN.has(namn)) return namn;
      objektNamn.push(namn);
      i = j;
    } else if (c >= 0x61 && c <= 0x7a) {
      let j = i;
      while (j < b.length && b[j] >= 0x61 && b[j] <= 0x7a) j++;
      const ord = b.toString('latin1', i, j);
      i = j;
      if (ord === 'obj') objektNamn = [];
      else if (ord === 'stream' && toppniva) {
        if (b[i] === 0x0d) i++;
        if (b[i] === 0x0a) i++;
        const slut = b.indexOf('endstream', i, 'latin1');
        const data = b.subarray(i, slut < 0 ? b.length : slut);
        // An object stream under another filter (or with predictors) could hide an action from this
        // scan while pdfjs still reads it: it is reported, not passed (no producer we know writes one).
        if (isObjektstrom(objektNamn) && !isFlateObjektstrom(objektNamn)) return OSOKBAR_OBJEKTSTROM;
        if (isFlateObjektstrom(objektNamn)) {
          const fynd = scan(inflate(data, budget), budget, false);
          if (fynd) return fynd;
        }
        i = slut < 0 ? b.length : slut + 'endstream'.length;
        objektNamn = [];
      }
    } else {
      i++;
    }
  }
  return undefined;
}

function isObjektstrom(namn: string[]): boolean {
  const typ = namn.indexOf('Type');
  return typ >= 0 && namn[typ + 1] === 'ObjStm';
}

const FILTER = new Set([
  'ASCIIHexDecode',
  'ASCII85Decode',
  'LZWDecode',
  'FlateDecode',
  'RunLengthDecode',
  'CCITTFaxDecode',
  'JBIG2Decode',
  'DCTDecode',
  'JPXDecode',
  'Crypt',
]);

/** /Type /ObjStm with /FlateDecode as its only filter and no predictor (what every producer writes). */
function isFlateObjektstrom(namn: string[]): boolean {
  const filter = namn.indexOf('Filter');
  return (
    isObjektstrom(namn) &&
    filter >= 0 &&
    namn[filter + 1] === 'FlateDecode' &&
    !FILTER.has(namn[filter + 2]) &&
    !namn.includes('DecodeParms')
  );
}

function inflate(data: Buffer, budget: { kvar: number }): Buffer {
  let ut: Buffer;
  try {
    ut = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget.kvar) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ObjektstromForStor();
    return Buffer.alloc(0); // a stream pdfjs also cannot read holds no objects it would act on
  }
  budget.kvar -= ut.length;
  if (budget.kvar <= 0) throw new ObjektstromForStor();
  return ut;
}

/** Index after a literal string `( … )`, with nested parentheses and backslash escapes. */
function endOfLiteral(b: Buffer, start: number): number {
  let djup = 0;
  for (let i = start; i < b.length; i++) {
    const c = b[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) djup++;
    else if (c === 0x29 && --djup === 0) return i + 1;
  }
  return b.length;
}

const decodeNamn = (raw: string) =>
  raw.includes('#')
    ? raw.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : raw;
