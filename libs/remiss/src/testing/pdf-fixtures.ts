import { PDFDocument, StandardFonts } from 'pdf-lib';

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
  const encrypt = '/Encrypt << /Filter /Standard /V 1 /R 2 /O <' + 'ab'.repeat(32) + '> /U <' + 'cd'.repeat(32) + '> /P -44 >>';
  return Buffer.from(pdf.replace('trailer\n<<', `trailer\n<<\n${encrypt}`), 'latin1');
}
