import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A PDF with one page per entry, each page's lines drawn as real text (so it can be extracted). */
export async function pdfMedSidor(sidor: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Remisshandling');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const rader of sidor) {
    const page = doc.addPage([595, 842]);
    rader.forEach((rad, i) => page.drawText(rad, { x: 56, y: 780 - i * 16, size: 11, font }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The same PDF with a standard security handler in its trailer, as a password-protected file has. */
export async function krypteradPdf(): Promise<Buffer> {
  const pdf = (await pdfMedSidor([['Hemlig']])).toString('latin1');
  const encrypt =
    '/Encrypt << /Filter /Standard /V 1 /R 2 /O <' + 'ab'.repeat(32) + '> /U <' + 'cd'.repeat(32) + '> /P -44 >>';
  return Buffer.from(pdf.replace('trailer\n<<', `trailer\n<<\n${encrypt}`), 'latin1');
}

/**
 * A PDF written by hand, object by object, with a correct xref table: for files no PDF library
 * would write. `objekt[i]` becomes object i + 1; object 1 must be the catalog.
 */
export function handskrivenPdf(objekt: (string | Buffer)[]): Buffer {
  const delar: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let langd = delar[0].length;
  const offsets: number[] = [];
  objekt.forEach((o, i) => {
    offsets.push(langd);
    const del = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof o === 'string' ? Buffer.from(o, 'latin1') : o,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    delar.push(del);
    langd += del.length;
  });
  const xref = `xref\n0 ${objekt.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  delar.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objekt.length + 1} /Root 1 0 R >>\nstartxref\n${langd}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(delar);
}

/** A stream object; FlateDecode when `deflate` (what keeps a bomb small on the wire). */
export function strom(innehall: Buffer, deflate = true): Buffer {
  const data = deflate ? deflateSync(innehall, { level: 9 }) : innehall;
  return Buffer.concat([
    Buffer.from(`<< /Length ${data.length}${deflate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** One page whose content stream is `operator` repeated to `mb` megabytes (inflated), FlateDecode on the wire. */
export function operatorbombPdf(operator: string, mb: number): Buffer {
  const innehall = Buffer.alloc(mb * 1024 * 1024, operator, 'latin1');
  return handskrivenPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    strom(Buffer.concat([Buffer.from('BT /F1 12 Tf 56 780 Td\n'), innehall, Buffer.from('\nET')])),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** `antal` pages sharing one font, each with its own line of text (`Sida n`): for page limits and batching. */
export function mangaSidorPdf(antal: number): Buffer {
  const sidor = Array.from({ length: antal }, (_, i) => [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    strom(Buffer.from(`BT /F1 12 Tf 56 780 Td (Sida ${i + 1}) Tj ET`), false),
  ]).flat();
  return handskrivenPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: antal }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${antal} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...sidor,
  ]);
}

/** krypteradPdf with the dictionary's name written `/Encr#79pt`: the same name to a PDF reader. */
export async function krypteradPdfMedEscapedNamn(): Promise<Buffer> {
  const pdf = (await krypteradPdf()).toString('latin1');
  return Buffer.from(pdf.replace('/Encrypt <<', '/Encr#79pt <<'), 'latin1');
}

/** A pdf-lib PDF whose catalog opens with JavaScript; saved with object streams, so the catalog is compressed. */
export async function openActionJavaScriptPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc
    .addPage([595, 842])
    .drawText('Öppna mig', { x: 56, y: 780, size: 11, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hej")') }));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** A page with a link annotation whose action launches a program, its type written `/L#61unch`. */
export function launchPdf(): Buffer {
  return handskrivenPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>',
    strom(Buffer.from('BT /F1 12 Tf 56 780 Td (Klicka har) Tj ET'), false),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Annot /Subtype /Link /Rect [56 770 200 795] /Border [0 0 0] /A << /S /L#61unch /F (C:\\\\Windows\\\\System32\\\\calc.exe) >> >>',
  ]);
}

/**
 * A "billion laughs" of form XObjects: each of ten levels draws the next ten times, the last one a
 * letter, so the page draws 10⁹ letters from a file of 2 KB. pdfjs walks it without ever yielding:
 * only the wall-time budget stops it, however fast the machine.
 */
export function xobjektbombPdf(): Buffer {
  const DJUP = 10;
  const former = Array.from({ length: DJUP }, (_, i) => {
    const sista = i === DJUP - 1;
    const resurser = `/Resources << ${sista ? '' : `/XObject << /X ${6 + i} 0 R >> `}/Font << /F1 4 0 R >> >>`;
    const innehall = Buffer.from(sista ? 'BT /F1 12 Tf 56 780 Td (A) Tj ET' : '/X Do '.repeat(10));
    return Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] ${resurser}`),
      strom(innehall, false).subarray(2),
    ]);
  });
  return handskrivenPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents ${5 + DJUP} 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...former,
    strom(Buffer.from('/X Do'), false),
  ]);
}
