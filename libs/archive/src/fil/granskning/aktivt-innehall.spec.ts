import { describe, expect, it } from '@jest/globals';
import {
  handskrivenPdf,
  launchPdf,
  openActionJavaScriptPdf,
  pdfMedSidor,
  strom,
} from '@app/remiss/testing/pdf-fixtures';
import { aktivtInnehall, ObjektstromForStor, OSOKBAR_OBJEKTSTROM } from './aktivt-innehall';

const MB = 1024 * 1024;
const sida = (extra: string) =>
  handskrivenPdf([
    '<< /Type /Catalog /Pages 2 0 R' + extra + ' >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);

describe('aktivtInnehall', () => {
  it('finds nothing in an ordinary PDF, nor in a text or a title that mentions JavaScript', async () => {
    expect(aktivtInnehall(await pdfMedSidor([['/JavaScript och /Launch i löptext']]), MB)).toBeUndefined();
    expect(
      aktivtInnehall(
        sida(' /Info << /Title (Om /JavaScript \\(och /Launch\\)) /Subject <2F4A617661536372697074> >>'),
        MB,
      ),
    ).toBeUndefined();
    expect(aktivtInnehall(sida(' /OpenAction [3 0 R /Fit]'), MB)).toBeUndefined();
  });

  it('finds JavaScript in a catalog compressed into an object stream', async () => {
    const pdf = await openActionJavaScriptPdf();
    expect(pdf.toString('latin1')).not.toContain('JavaScript');
    expect(aktivtInnehall(pdf, MB)).toBe('JavaScript');
  });

  it('decodes #xx escapes in names, as a reader does', () => {
    expect(aktivtInnehall(launchPdf(), MB)).toBe('Launch');
    expect(aktivtInnehall(sida(' /OpenAction << /S /J#61va#53cript /JS (1) >>'), MB)).toBe('JavaScript');
  });

  it('reports an object stream it cannot search (another filter, a filter chain, predictors), which could hide a Launch', () => {
    const objektstrom = (dict: string) =>
      handskrivenPdf(['<< /Type /Catalog >>', `${dict}\nstream\n1 0 <</S/Launch>>\nendstream`]);
    expect(
      aktivtInnehall(objektstrom('<< /Type /ObjStm /N 1 /First 4 /Filter [/ASCII85Decode /FlateDecode] >>'), MB),
    ).toBe(OSOKBAR_OBJEKTSTROM);
    expect(aktivtInnehall(objektstrom('<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /LZWDecode] >>'), MB)).toBe(
      OSOKBAR_OBJEKTSTROM,
    );
    expect(
      aktivtInnehall(
        objektstrom('<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 >> >>'),
        MB,
      ),
    ).toBe(OSOKBAR_OBJEKTSTROM);
    expect(aktivtInnehall(objektstrom('<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode >>'), MB)).toBe(
      OSOKBAR_OBJEKTSTROM,
    );
  });

  it('stops at the inflate budget for an object stream that is a decompression bomb', () => {
    const bomb = handskrivenPdf([
      '<< /Type /Catalog >>',
      Buffer.concat([Buffer.from('<< /Type /ObjStm /N 1 /First 4'), strom(Buffer.alloc(8 * MB, 0x20)).subarray(2)]),
    ]);
    expect(() => aktivtInnehall(bomb, MB)).toThrow(ObjektstromForStor);
  });
});
