import { stockholmWallClock } from '@app/core';
import { PdfMetadata } from './dokument';

/**
 * Writes the document information (Title, Author, Subject, Keywords, dates) and, for PDF/A, the
 * matching XMP packet into a finished PDF as an incremental update: the original bytes stay as
 * they are and a new Info dictionary (and Metadata stream) are appended after them. Chromium sets
 * only Title, and Ghostscript 10.00 drops a DOCINFO with å/ä/ö when it makes PDF/A, so both go
 * through here. Text strings are UTF-16BE, which carries any Swedish title.
 */
export interface Dokumentinfo extends PdfMetadata {
  skapad: Date;
  producent: string;
}

const CREATOR = 'Remissplattformen';

export function withDokumentinfo(pdf: Buffer, info: Dokumentinfo): Buffer {
  return appendUpdate(pdf, (nasta) => [{ nummer: nasta, kropp: infoDictionary(info), info: true }]);
}

/** As withDokumentinfo, and replaces the catalog's XMP packet with one that says the same, as PDF/A requires. */
export function withPdfaDokumentinfo(pdf: Buffer, info: Dokumentinfo): Buffer {
  const metadata = metadataObject(pdf);
  const xmp = Buffer.from(xmpPacket(info), 'utf8');
  return appendUpdate(pdf, (nasta) => [
    { nummer: nasta, kropp: infoDictionary(info), info: true },
    {
      nummer: metadata,
      kropp: Buffer.concat([
        Buffer.from(`<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n`),
        xmp,
        Buffer.from('\nendstream'),
      ]),
    },
  ]);
}

interface NyttObjekt {
  nummer: number;
  kropp: string | Buffer;
  info?: boolean;
}

interface Trailer {
  storlek: number;
  rot: string;
  id?: string;
  startxref: number;
}

function trailer(pdf: Buffer): Trailer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new Error('PDF has no startxref at its end');
  const startxref = Number(start[1]);
  const xref = pdf.subarray(startxref, startxref + 4).toString('latin1');
  // Chromium (Skia) and Ghostscript's PDF/A-1 output use a classic xref table and trailer.
  if (xref !== 'xref') throw new Error('PDF uses a cross-reference stream; only classic xref tables are supported');
  const trailerStart = pdf.lastIndexOf('trailer');
  const dict = pdf.subarray(trailerStart, pdf.length).toString('latin1');
  const storlek = /\/Size\s+(\d+)/.exec(dict);
  const rot = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!storlek || !rot) throw new Error('PDF trailer lacks /Size or /Root');
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict);
  return { storlek: Number(storlek[1]), rot: rot[1], id: id?.[1], startxref };
}

function appendUpdate(pdf: Buffer, objekt: (nastaNummer: number) => NyttObjekt[]): Buffer {
  const gammal = trailer(pdf);
  const nya = objekt(gammal.storlek);
  const delar: Buffer[] = [pdf, Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const o of nya) {
    const bytes = Buffer.concat([Buffer.from(`${o.nummer} 0 obj\n`), Buffer.from(o.kropp), Buffer.from('\nendobj\n')]);
    offsets.set(o.nummer, offset);
    delar.push(bytes);
    offset += bytes.length;
  }
  const xrefStart = offset;
  let xref = 'xref\n';
  for (const [nummer, plats] of [...offsets].sort((a, b) => a[0] - b[0])) {
    xref += `${nummer} 1\n${String(plats).padStart(10, '0')} 00000 n \n`;
  }
  const info = nya.find((o) => o.info);
  const storlek = Math.max(gammal.storlek, ...nya.map((o) => o.nummer + 1));
  const id = gammal.id ?? `[<${'0'.repeat(32)}> <${'0'.repeat(32)}>]`;
  xref += `trailer\n<< /Size ${storlek} /Root ${gammal.rot}${info ? ` /Info ${info.nummer} 0 R` : ''} /Prev ${gammal.startxref} /ID ${id} >>\nstartxref\n${xrefStart}\n%%EOF\n`;
  delar.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(delar);
}

/** The object number of the catalog's /Metadata stream, found through the xref table. */
function metadataObject(pdf: Buffer): number {
  const { rot, startxref } = trailer(pdf);
  const rotNummer = Number(rot.split(/\s+/)[0]);
  const katalog = objectText(pdf, startxref, rotNummer);
  const ref = /\/Metadata\s+(\d+)\s+0\s+R/.exec(katalog);
  if (!ref) throw new Error('PDF catalog has no /Metadata stream to replace');
  return Number(ref[1]);
}

function objectText(pdf: Buffer, xrefOffset: number, nummer: number): string {
  const lines = pdf
    .subarray(xrefOffset, pdf.lastIndexOf('trailer'))
    .toString('latin1')
    .split(/\r?\n|\r/);
  let i = 1;
  while (i < lines.length) {
    const rubrik = /^(\d+)\s+(\d+)\s*$/.exec(lines[i].trim());
    if (!rubrik) break;
    const forsta = Number(rubrik[1]);
    const antal = Number(rubrik[2]);
    if (nummer >= forsta && nummer < forsta + antal) {
      const offset = Number(lines[i + 1 + nummer - forsta].slice(0, 10));
      const slut = pdf.indexOf('endobj', offset);
      return pdf.subarray(offset, slut).toString('latin1');
    }
    i += 1 + antal;
  }
  throw new Error(`PDF xref has no object ${nummer}`);
}

function pdfText(value: string): string {
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/**
 * Local time in Sweden is what a registrator reads; the offset makes the instant unambiguous.
 * `lokal` carries the Stockholm wall-clock time in its UTC fields.
 */
function offsetParts(date: Date): { lokal: Date; tecken: string; hh: string; mm: string } {
  const lokal = stockholmWallClock(date);
  const minuter = Math.round((lokal.getTime() - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const abs = Math.abs(minuter);
  return {
    lokal,
    tecken: minuter < 0 ? '-' : '+',
    hh: String(Math.floor(abs / 60)).padStart(2, '0'),
    mm: String(abs % 60).padStart(2, '0'),
  };
}

function pdfDate(date: Date): string {
  const { lokal, tecken, hh, mm } = offsetParts(date);
  const digits = lokal.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `(D:${digits}${tecken}${hh}'${mm}')`;
}

function xmpDate(date: Date): string {
  const { lokal, tecken, hh, mm } = offsetParts(date);
  return `${lokal.toISOString().slice(0, 19)}${tecken}${hh}:${mm}`;
}

function infoDictionary(info: Dokumentinfo): string {
  return [
    '<<',
    `/Title ${pdfText(info.title)}`,
    `/Author ${pdfText(info.author)}`,
    `/Subject ${pdfText(info.subject)}`,
    `/Keywords ${pdfText(info.keywords.join(', '))}`,
    `/Creator ${pdfText(CREATOR)}`,
    `/Producer ${pdfText(info.producent)}`,
    `/CreationDate ${pdfDate(info.skapad)}`,
    `/ModDate ${pdfDate(info.skapad)}`,
    '>>',
  ].join('\n');
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** PDF/A-1b: the part and conformance our archival rendition claims, and Preflight checks. */
function xmpPacket(info: Dokumentinfo): string {
  const datum = xmpDate(info.skapad);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Keywords>${xml(info.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${xml(info.producent)}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>
<xmp:CreateDate>${datum}</xmp:CreateDate>
<xmp:ModifyDate>${datum}</xmp:ModifyDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>1</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
