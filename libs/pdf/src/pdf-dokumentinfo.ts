import { stockholmWallClock } from '@app/core';
import { inflateSync } from 'node:zlib';
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
  const typsnitt = fontDescriptors(pdf);
  return appendUpdate(pdf, (nasta) => [
    ...typsnitt.flatMap((t, i): NyttObjekt[] => {
      // PDF/A-1 wants each subset font to say which CIDs it holds: Skia maps CID to glyph by identity.
      const cidSet = cidSetAv(streamData(pdf, t.fontFile));
      return [
        {
          nummer: nasta + 4 + i,
          kropp: Buffer.concat([
            Buffer.from(`<< /Length ${cidSet.length} >>\nstream\n`),
            cidSet,
            Buffer.from('\nendstream'),
          ]),
        },
        { nummer: t.nummer, kropp: `<<${t.dict} /CIDSet ${nasta + 4 + i} 0 R >>` },
      ];
    }),
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

/**
 * PDF/A-1b from Chromium's own output, without a second renderer: Skia already embeds every font,
 * draws no transparency and writes PDF 1.4 with a classic xref table, so what PDF/A-1b still asks
 * is the sRGB OutputIntent (the ICC profile as a stream), the XMP packet, and an Info dictionary
 * that says what the XMP says. All of it goes in one incremental update, with the catalog rewritten
 * to point at them; the printed bytes stay as they are.
 */
export function withPdfaDelar(pdf: Buffer, info: Dokumentinfo, iccProfil: Buffer): Buffer {
  const { rot, startxref } = trailer(pdf);
  const rotNummer = Number(rot.split(/\s+/)[0]);
  const katalog = objectText(pdf, startxref, rotNummer);
  const dict = katalog.slice(katalog.indexOf('<<') + 2, katalog.lastIndexOf('>>'));
  if (/\/(OutputIntents|Metadata)\b/.test(dict)) throw new Error('PDF catalog has an OutputIntent or XMP already');
  const xmp = Buffer.from(xmpPacket(info), 'utf8');
  const typsnitt = fontDescriptors(pdf);
  return appendUpdate(pdf, (nasta) => [
    ...typsnitt.flatMap((t, i): NyttObjekt[] => {
      // PDF/A-1 wants each subset font to say which CIDs it holds: Skia maps CID to glyph by identity.
      const cidSet = cidSetAv(streamData(pdf, t.fontFile));
      return [
        {
          nummer: nasta + 4 + i,
          kropp: Buffer.concat([
            Buffer.from(`<< /Length ${cidSet.length} >>\nstream\n`),
            cidSet,
            Buffer.from('\nendstream'),
          ]),
        },
        { nummer: t.nummer, kropp: `<<${t.dict} /CIDSet ${nasta + 4 + i} 0 R >>` },
      ];
    }),
    { nummer: nasta, kropp: infoDictionary(info), info: true },
    {
      nummer: nasta + 1,
      kropp: Buffer.concat([
        Buffer.from(`<< /N 3 /Length ${iccProfil.length} >>\nstream\n`),
        iccProfil,
        Buffer.from('\nendstream'),
      ]),
    },
    {
      nummer: nasta + 2,
      kropp: `<< /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile ${nasta + 1} 0 R /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) >>`,
    },
    {
      nummer: nasta + 3,
      kropp: Buffer.concat([
        Buffer.from(`<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n`),
        xmp,
        Buffer.from('\nendstream'),
      ]),
    },
    { nummer: rotNummer, kropp: `<<${dict} /OutputIntents [${nasta + 2} 0 R] /Metadata ${nasta + 3} 0 R >>` },
  ]);
}

/** The FontDescriptors of embedded TrueType (CIDFontType2) fonts: Skia writes each as a plain object. */
function fontDescriptors(pdf: Buffer): { nummer: number; dict: string; fontFile: number }[] {
  const text = pdf.toString('latin1');
  const funna: { nummer: number; dict: string; fontFile: number }[] = [];
  for (const m of text.matchAll(
    /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?\/Type \/FontDescriptor(?:(?!endobj)[\s\S])*?)>>\s*endobj/g,
  )) {
    const fil = /\/FontFile2 (\d+) 0 R/.exec(m[2]);
    if (fil && !m[2].includes('/CIDSet')) funna.push({ nummer: Number(m[1]), dict: m[2], fontFile: Number(fil[1]) });
  }
  return funna;
}

/** A stream object's decoded bytes (FlateDecode or none), found by its number. */
function streamData(pdf: Buffer, nummer: number): Buffer {
  const { startxref } = trailer(pdf);
  const text = objectText(pdf, startxref, nummer);
  const langd = /\/Length (\d+)/.exec(text);
  const start = text.indexOf('stream') + 'stream'.length;
  const forsta = text.charCodeAt(start) === 13 ? start + 2 : start + 1;
  if (!langd) throw new Error(`PDF stream ${nummer} has no direct /Length`);
  const offset = objectOffset(pdf, startxref, nummer);
  const data = pdf.subarray(offset + forsta, offset + forsta + Number(langd[1]));
  return /\/FlateDecode/.test(text.slice(0, start)) ? inflateSync(data) : data;
}

/** The glyphs a TrueType font program holds (those with an outline in `loca`, and glyph 0), as a CIDSet bit string. */
function cidSetAv(font: Buffer): Buffer {
  const tabeller = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const post = 12 + i * 16;
    tabeller.set(font.toString('latin1', post, post + 4), font.readUInt32BE(post + 8));
  }
  const head = tabeller.get('head')!;
  const antal = font.readUInt16BE(tabeller.get('maxp')! + 4);
  const lang = font.readInt16BE(head + 50) === 1;
  const loca = tabeller.get('loca')!;
  const plats = (g: number) => (lang ? font.readUInt32BE(loca + g * 4) : font.readUInt16BE(loca + g * 2) * 2);
  const bitar = Buffer.alloc(Math.ceil(antal / 8));
  for (let g = 0; g < antal; g++) if (g === 0 || plats(g + 1) > plats(g)) bitar[g >> 3] |= 0x80 >> (g & 7);
  return bitar;
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

/** An object's text, found through the xref table at `xrefOffset` and the sections before it (/Prev). */
function objectText(pdf: Buffer, xrefOffset: number, nummer: number): string {
  const offset = objectOffset(pdf, xrefOffset, nummer);
  return pdf.subarray(offset, pdf.indexOf('endobj', offset)).toString('latin1');
}

function objectOffset(pdf: Buffer, xrefOffset: number, nummer: number): number {
  for (let sektion: number | undefined = xrefOffset; sektion !== undefined;) {
    const trailerStart = pdf.indexOf('trailer', sektion);
    const lines = pdf
      .subarray(sektion, trailerStart)
      .toString('latin1')
      .split(/\r?\n|\r/);
    let i = 1;
    while (i < lines.length) {
      const rubrik = /^(\d+)\s+(\d+)\s*$/.exec(lines[i].trim());
      if (!rubrik) break;
      const forsta = Number(rubrik[1]);
      const antal = Number(rubrik[2]);
      if (nummer >= forsta && nummer < forsta + antal) return Number(lines[i + 1 + nummer - forsta].slice(0, 10));
      i += 1 + antal;
    }
    const prev = /\/Prev\s+(\d+)/.exec(
      pdf.subarray(trailerStart, pdf.indexOf('startxref', trailerStart)).toString('latin1'),
    );
    sektion = prev ? Number(prev[1]) : undefined;
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
