import { describe, expect, it } from '@jest/globals';
import { mottagarfilText, readMottagarlista } from './mottagarlista';

describe('a pasted or imported list of recipients', () => {
  it('takes name and address per line in the forms people paste, and skips blanks and a header', () => {
    const lista = readMottagarlista(
      [
        'namn;e-post',
        'Region Uppsala <Registrator@RegionUppsala.se>',
        '',
        'Heby kommun;kommun@heby.se',
        'tierp@tierp.se,Tierps kommun',
        '"Länsstyrelsen i Uppsala län, miljö"\tuppsala@lansstyrelsen.se',
      ].join('\r\n'),
    );
    expect(lista.avvisade).toEqual([]);
    expect(lista.tagna).toEqual([
      { rad: 2, namn: 'Region Uppsala', epost: 'registrator@regionuppsala.se' },
      { rad: 4, namn: 'Heby kommun', epost: 'kommun@heby.se' },
      { rad: 5, namn: 'Tierps kommun', epost: 'tierp@tierp.se' },
      { rad: 6, namn: 'Länsstyrelsen i Uppsala län, miljö', epost: 'uppsala@lansstyrelsen.se' },
    ]);
  });

  it('refuses each bad line with its reason and keeps the good ones', () => {
    const lista = readMottagarlista(
      'Heby kommun;kommun@heby.se\nKnivsta kommun\nÖsthammar;osthammar@\nX;x@x.se\nHeby igen;KOMMUN@heby.se\nEnköping;e@enkoping.se',
      new Set(['e@enkoping.se']),
    );
    expect(lista.tagna.map((t) => t.rad)).toEqual([1]);
    expect(lista.avvisade).toEqual([
      { rad: 2, text: 'Knivsta kommun', orsak: 'raden saknar e-postadress' },
      { rad: 3, text: 'Östhammar;osthammar@', orsak: 'osthammar@ är ingen giltig e-postadress' },
      { rad: 4, text: 'X;x@x.se', orsak: 'raden saknar namn (minst 2 tecken)' },
      { rad: 5, text: 'Heby igen;KOMMUN@heby.se', orsak: 'kommun@heby.se finns redan bland mottagarna' },
      { rad: 6, text: 'Enköping;e@enkoping.se', orsak: 'e@enkoping.se finns redan bland mottagarna' },
    ]);
  });

  it('reads a CSV file as UTF-8, or as Windows-1252 when Excel wrote it so', () => {
    expect(mottagarfilText(Buffer.from('\uFEFFÖsthammar;o@osthammar.se', 'utf8'))).toBe('Östhammar;o@osthammar.se');
    expect(mottagarfilText(Buffer.from([0xd6, 0x73, 0x74]))).toBe('Öst');
    expect(readMottagarlista('\uFEFFÖsthammar;o@osthammar.se').tagna).toHaveLength(1);
  });
});
