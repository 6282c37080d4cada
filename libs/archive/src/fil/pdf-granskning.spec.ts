import { afterAll, describe, expect, it } from '@jest/globals';
import { DomainError, loadConfig } from '@app/core';
import { krypteradPdf, pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { createHash } from 'node:crypto';
import { PdfGranskning } from './pdf-granskning.service';

const granskning = new PdfGranskning(loadConfig({ PDF_UPLOAD_MAX_MB: '1' }));
afterAll(() => granskning.onModuleDestroy());

async function refusal(data: Buffer): Promise<DomainError> {
  try {
    await granskning.checkPdf(data, 'policy.pdf');
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('PdfGranskning', () => {
  it('extracts the text of every page, with å ä ö, and the SHA-256 of the bytes', async () => {
    const pdf = await pdfMedSidor([
      ['Sida ett'],
      ['Förslag till policy för digital omställning', 'Vi drar erfarenhet från andras pilotstudier.'],
    ]);
    const granskad = await granskning.checkPdf(pdf);
    expect(granskad.sidor).toHaveLength(2);
    expect(granskad.sidor[1]).toContain('Förslag till policy för digital omställning');
    expect(granskad.sidor[1]).toContain('Vi drar erfarenhet från andras pilotstudier.');
    expect(granskad.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lends a buffer of its own to the reading thread without copying, and gives the same bytes back with their SHA-256', async () => {
    const pdf = await pdfMedSidor([['Sida ett']]);
    const egen = Buffer.allocUnsafeSlow(pdf.length + 100_000).subarray(0, pdf.length);
    pdf.copy(egen);
    const granskad = await granskning.checkPdf(egen);
    // Lent: the caller's view is detached; the bytes came back, unchanged.
    expect(egen.length).toBe(0);
    expect(granskad.data.equals(pdf)).toBe(true);
    expect(granskad.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    // A Buffer that is a view into another one's memory is copied, and stays readable.
    const vy = Buffer.concat([Buffer.alloc(10), pdf]).subarray(10);
    expect((await granskning.checkPdf(vy)).data.equals(pdf)).toBe(true);
    expect(vy.equals(pdf)).toBe(true);
  });

  it('refuses a Word document by its magic bytes, saying what it is', async () => {
    const e = await refusal(Buffer.from('504b0304140006000800', 'hex'));
    expect([e.status, e.code]).toEqual([415, 'NOT_A_PDF']);
    expect(e.svenska).toContain('inte en PDF utan en ZIP-fil');
  });

  it('refuses an encrypted PDF', async () => {
    const e = await refusal(await krypteradPdf());
    expect([e.status, e.code]).toEqual([422, 'PDF_ENCRYPTED']);
  });

  it('refuses a file that starts like a PDF but does not open', async () => {
    const e = await refusal(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]));
    expect([e.status, e.code]).toEqual([422, 'PDF_CORRUPT']);
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const e = await refusal(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024)]));
    expect([e.status, e.code, e.message]).toEqual([413, 'FILE_TOO_LARGE', 'The file is larger than 1 MB']);
  });

  it('refuses an empty upload', async () => {
    expect((await refusal(Buffer.alloc(0))).code).toBe('FILE_MISSING');
  });
});
