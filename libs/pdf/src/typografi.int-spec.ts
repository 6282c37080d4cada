import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, TestingModule } from '@nestjs/testing';
import { ClockModule, ConfigModule, loadConfig } from '@app/core';
import { RemissammanstallningDokument, RemissmissivDokument, RemissvarDokument, SynpunktDokument } from './dokument';
import { UN2025_412 } from './exempel/un2025-412';
import { PdfModule } from './pdf.module';
import { PdfService } from './pdf.service';
import { blanksteg, pdfSidor, pdfText } from './testing/pdf-verktyg';

/** Words of varying length, so that the items of a long document end at every height of a page. */
function fyllnad(n: number, ord: number): string {
  const forrad = [
    'verksamheten',
    'och',
    'nämnden',
    'bedömer',
    'att',
    'omställningen',
    'kräver',
    'resurser',
    'i',
    'tid',
  ];
  return Array.from({ length: ord }, (_, i) => forrad[(i * 7 + n) % forrad.length]).join(' ');
}

/** The page (0-based) whose text matches, or -1. */
const sidanMed = (sidor: string[], monster: RegExp) => sidor.findIndex((s) => monster.test(blanksteg(s)));

/** Twenty-four synpunkter with a heading, a quotation, a comment and an ändringsförslag, of every length. */
function langtSvar(): RemissvarDokument {
  const synpunkter: SynpunktDokument[] = Array.from({ length: 24 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      typ: 'andringsforslag',
      rubrik: `Rubrik R${n}`,
      citatinledning: `Inledning I${n}:`,
      citat: { text: `Citat C${n} ${fyllnad(i, 12 + ((i * 11) % 30))}`, sida: 5 },
      text: `Kommentar K${n} ${fyllnad(i, 25 + ((i * 37) % 110))}`,
      stryk: `Stryk S${n} ${fyllnad(i, 6 + ((i * 5) % 14))}`,
      fotnoter: [],
    };
  });
  return { ...UN2025_412, inledning: fyllnad(0, 60), synpunkter, fotnoter: [] };
}

describe('the documents’ typography (real Chromium, pdftotext)', () => {
  let moduleRef: TestingModule;
  let pdf: PdfService;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: '2' })), ClockModule, PdfModule],
    }).compile();
    moduleRef.enableShutdownHooks();
    pdf = moduleRef.get(PdfService);
  });

  afterAll(async () => {
    await moduleRef.close();
  });

  it('never breaks a date at its hyphens, in running text, the beslut sentence or the header', async () => {
    // Dates after words of every length, so that many of them reach the end of a line.
    const meningar = Array.from(
      { length: 60 },
      (_, i) => `${fyllnad(i, 1 + (i % 9))} 2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
    );
    const doc: RemissvarDokument = {
      ...UN2025_412,
      inledning: meningar.join(' '),
      beslut: { typ: 'namndbeslut', namnd: 'Utbildningsnämnden', sammantradesdatum: '2026-12-01', paragraf: '142' },
    };
    const text = await pdfText(await pdf.renderRemissvar(doc));
    // pdftotext joins a word broken after a hyphen at a line end: a broken date reads "202503-15".
    expect(blanksteg(text).match(/\b2025-\d{2}-15\b/g)).toHaveLength(60);
    expect(blanksteg(text)).toContain('sammanträde 2026-12-01, § 142');
  });

  it('cites a page as "s. 5" with a no-break space between', async () => {
    const text = blanksteg(await pdfText(await pdf.renderRemissvar(UN2025_412)));
    expect(text.match(/\(s\. 5\)/g)).toHaveLength(2);
    expect(text).not.toContain('(s.5)');
  });

  it('keeps each heading on the page of its quotation, each quotation with its comment, and the ändringsförslag whole', async () => {
    const sidor = await pdfSidor(await pdf.renderRemissvar(langtSvar()));
    expect(sidor.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i <= 24; i++) {
      const n = String(i).padStart(2, '0');
      const rubrik = sidanMed(sidor, new RegExp(`Rubrik R${n}\\b`));
      expect([n, sidanMed(sidor, new RegExp(`Inledning I${n}:`))]).toEqual([n, rubrik]);
      expect([n, sidanMed(sidor, new RegExp(`Citat C${n}\\b`))]).toEqual([n, rubrik]);
      expect([n, sidanMed(sidor, new RegExp(`Kommentar K${n}\\b`))]).toEqual([n, rubrik]);
      // The box's label and its struck text end on one page.
      const forslag = sidanMed(sidor, new RegExp(`STRYK Stryk S${n}\\b`));
      expect([n, forslag]).not.toEqual([n, -1]);
      const slut = fyllnad(i - 1, 6 + (((i - 1) * 5) % 14));
      expect([n, blanksteg(sidor[forslag]).includes(`Stryk S${n} ${slut}`)]).toEqual([n, true]);
    }
  });

  it('names each synpunkt’s kind in the sammanställning, keeps it whole, and names the handling once, in the heading', async () => {
    const antal = { medhall: 0, invandning: 0, andringsforslag: 0, ovrigt: 0 };
    const typer = ['medhall', 'invandning', 'andringsforslag', 'ovrigt'] as const;
    const synpunkter = Array.from({ length: 30 }, (_, i) => ({
      typ: typer[i % 4],
      instansId: `n${i + 1}`,
      instans: `Nämnd N${String(i + 1).padStart(2, '0')}`,
      citat: { text: `Citat C${String(i + 1).padStart(2, '0')}`, sida: 5, handling: 'Förslag till policy' },
      text: `Text T${String(i + 1).padStart(2, '0')} ${fyllnad(i, 20 + ((i * 23) % 60))}`,
      fotnoter: [],
    }));
    const doc: RemissammanstallningDokument = {
      brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen' },
      datum: '2025-06-01',
      diarienummer: 'KS2025/118',
      arendemening: 'Policy för digital omställning',
      avsnitt: [
        {
          handling: 'Förslag till policy',
          sida: 5,
          synpunkter,
          antalPerTyp: { ...antal, medhall: 8, invandning: 8, andringsforslag: 7, ovrigt: 7 },
        },
      ],
      utanHanvisning: [],
      instanser: [],
      avstod: [],
      ejSvarat: [],
      stallningar: [],
      antalPerStallning: {
        tillstyrker: 0,
        tillstyrker_med_andringar: 0,
        avstyrker: 0,
        inga_synpunkter: 0,
        avstar: 0,
        ej_angiven: 0,
      },
      fragor: [],
    };
    const sidor = await pdfSidor(await pdf.renderRemissammanstallning(doc));
    const text = blanksteg(sidor.join(' '));
    expect(text).toContain('Nämnd N01 – medhåll');
    expect(text).toContain('Nämnd N02 – invändning');
    expect(text).toContain('Nämnd N03 – ändringsförslag');
    expect(text).toContain('Nämnd N04 – övrig synpunkt');
    expect(text.match(/Förslag till policy, s\. 5/g)).toHaveLength(1);
    expect(text).toContain('”Citat C01” (s. 5)');
    expect(sidanMed(sidor, /Förslag till policy, s\. 5/)).toBe(sidanMed(sidor, /Nämnd N01\b/));
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, '0');
      expect([n, sidanMed(sidor, new RegExp(`Citat C${n}\\b`))]).toEqual([
        n,
        sidanMed(sidor, new RegExp(`Nämnd N${n}\\b`)),
      ]);
      const slut = fyllnad(i - 1, 20 + (((i - 1) * 23) % 60));
      expect([n, sidanMed(sidor, new RegExp(`T${n} ${slut}`))]).toEqual([
        n,
        sidanMed(sidor, new RegExp(`Nämnd N${n}\\b`)),
      ]);
    }
  });

  it('labels the dnr as the letterhead does: Enköping "Ärendenummer", as in UN2025/412', async () => {
    const svar = blanksteg(await pdfText(await pdf.renderRemissvar(UN2025_412), true));
    expect(svar).toMatch(/Ärendenummer UN2025\/412 Ert dnr KS2025\/118/);
    expect(svar).not.toContain('Vårt dnr');
    const missiv: RemissmissivDokument = {
      brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen' },
      datum: '2025-03-20',
      diarienummer: 'KS2025/118',
      arendemening: 'Policy för digital omställning',
      missiv: 'Kommunstyrelsen skickar förslaget på remiss.',
      svarsdatum: '2025-05-15',
      remissinstanser: ['Utbildningsnämnden'],
      remisshandlingar: ['Förslag till policy för digital omställning'],
      fragor: [],
      kontaktperson: { namn: 'Lena Åberg' },
      svarsanvisning: 'Svara i Remissplattformen.',
    };
    expect(blanksteg(await pdfText(await pdf.renderRemissmissiv(missiv), true))).toMatch(
      /Ärendenummer KS2025\/118 Svar senast 2025-05-15/,
    );
  });

  it('serves a region: Region Exempel’s letterhead, organisationsnummer and labels on Regionstyrelsen’s answer', async () => {
    const region: RemissvarDokument = {
      ...UN2025_412,
      brevhuvud: { kommun: 'region-exempel', enhet: 'Regionstyrelsen', forvaltning: 'Regionkontoret' },
      vartDnr: 'RS2025/1234',
      beslut: { typ: 'namndbeslut', namnd: 'Regionstyrelsen', sammantradesdatum: '2025-04-08', paragraf: '57' },
    };
    const text = blanksteg(await pdfText(await pdf.renderRemissvar(region), true));
    expect(text).toMatch(/^Sida 1 \(\d\) Region Exempel YTTRANDE Regionstyrelsen Datum 2025-03-20 Regionkontoret/);
    expect(text).toMatch(/Diarienummer RS2025\/1234 Ert diarienummer KS2025\/118/);
    expect(text).toMatch(/Org\.nr 232100-0990/);
    expect(text).toMatch(/Box 100, 101 00 Exempelstad/);
    expect(text).toContain('Regionstyrelsen beslutade vid sammanträde 2025-04-08, § 57, att avge detta yttrande.');
    expect(text).toMatch(/Region Exempel YTTRANDE 2025-03-20 Regionstyrelsen RS2025\/1234 Sida 2/);
    expect(text).not.toMatch(/745 80 Enköping|212000-0274|Enköpings kommun Utbildningsnämnden/);
  });
});
