import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, TestingModule } from '@nestjs/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, ClockModule, ConfigModule, loadConfig, SettableClock } from '@app/core';
import { RemissammanstallningDokument, RemissmissivDokument, RemissvarDokument } from './dokument';
import { UN2025_412 } from './exempel/un2025-412';
import { PdfModule } from './pdf.module';
import { PdfService } from './pdf.service';
import {
  blanksteg,
  ord,
  pdfBrodtext,
  pdfInfo,
  pdfText,
  pdfXmp,
  preflight,
  withoutWhitespace,
} from './testing/pdf-verktyg';

// A copy of ../shared/seeds/UN2025-412-svar-pa-remiss.txt, so the repository tests itself without shared/.
const SEED = join(__dirname, 'testing/UN2025-412-svar-pa-remiss.txt');

/**
 * The seed is the text of the real PDF: an ärendenummer line, the title, paragraphs separated by
 * blank lines, and at the page break the footnote ("1 Framförallt …") inside the paragraph it
 * interrupts. Returns the paragraphs with the footnote lifted out, and the footnote.
 */
function seed(): { titel: string; stycken: string[]; fotnot: string } {
  const text = readFileSync(SEED, 'utf8');
  const rubrik = /^\s*Ärendenummer:.*\n\s*\n(.*)\n/.exec(text)!;
  const fotnotMonster = /\n\s*\n\s*\n1 ([\s\S]*?\.)\s*\n(?= [a-zåäö])/;
  const fotnot = fotnotMonster.exec(text)![1];
  const stycken = text
    .slice(rubrik[0].length)
    .replace(fotnotMonster, '\n')
    .split(/\n\s*\n/)
    .map(blanksteg)
    .filter((s) => s !== '');
  return { titel: blanksteg(rubrik[1]), stycken, fotnot: blanksteg(fotnot) };
}

/** "(s.5)" is how the platform cites a page; the seed cites one of its two quotations that way. */
const utanSidhanvisning = (text: string) => text.replace(/\(s\.\s*\d+\)/g, ' ');

describe('PdfService', () => {
  let moduleRef: TestingModule;
  let pdf: PdfService;
  const klocka = new SettableClock(new Date('2025-03-20T10:15:00+01:00'));

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: '2' })), ClockModule, PdfModule],
    })
      .overrideProvider(Clock)
      .useValue(klocka)
      .compile();
    moduleRef.enableShutdownHooks();
    pdf = moduleRef.get(PdfService);
  });

  afterAll(async () => {
    await moduleRef.close();
  });

  describe("the UN2025/412 answer on Enköping's letterhead", () => {
    let dokument: Buffer;
    beforeAll(async () => {
      dokument = await pdf.renderRemissvar(UN2025_412);
    });

    it('contains every paragraph of the seed, the footnote and both quotations with their page', async () => {
      const brodtext = await pdfBrodtext(dokument);
      const { titel, stycken, fotnot } = seed();
      expect(titel).toBe('Svar på remiss om policy för digital omställning');
      expect(blanksteg(brodtext)).toContain(titel);
      expect(stycken.length).toBe(5);
      expect(fotnot).toContain('Böten');
      expect(blanksteg(brodtext)).toContain(`1 ${fotnot}`);
      // As in the seed, the footnote sits at the foot of page 1, inside the paragraph the page break interrupts.
      const lopande = blanksteg(brodtext).replace(`1 ${fotnot}`, ' ');
      for (const stycke of stycken) expect(ord(utanSidhanvisning(lopande))).toContain(ord(utanSidhanvisning(stycke)));
      expect(blanksteg(brodtext)).toContain('Business intelligens1 (BI)');
      expect(blanksteg(brodtext).match(/\(s\. 5\)/g)).toHaveLength(2);
      expect(blanksteg(brodtext)).toContain(
        'FÖRSLAG: STRYK detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.',
      );
      expect(blanksteg(brodtext)).toContain('FÖRSLAG: STRYK Tjänster, dialog och samverkan med invånare');
    });

    it('shows the letterhead, the dnr, the page count, and å ä ö intact', async () => {
      const text = blanksteg(await pdfText(dokument, true));
      expect(text).toMatch(
        /^Sida 1 \(3\) Enköpings kommun YTTRANDE Utbildningsnämnden Datum 2025-03-20 Utbildningsförvaltningen Ärendenummer UN2025\/412 Ert dnr KS2025\/118 Kommunstyrelsen Svar på remiss/,
      );
      expect(text).toMatch(/Sida 1 \(3\)/);
      expect(text).toMatch(/UN2025\/412 Sida 2 \(3\)/);
      expect(text).toMatch(/Kungsgatan 42, Enköping/);
      expect(text).toMatch(/Org\.nr 212000-0274/);
      expect(text).toMatch(/Utbildningsnämnden beslutade vid sammanträde 2025-03-19, § 42, att avge detta yttrande\./);
      expect(text).toMatch(/Karin Ekström Johan Berglund Ordförande Nämndsekreterare/);
      for (const bokstav of ['å', 'ä', 'ö', 'Ö', '”', '§']) expect(text).toContain(bokstav);
    });

    it('is a tagged A4 PDF of 2–4 pages with title, author, subject, keywords and creation date', async () => {
      const info = await pdfInfo(dokument);
      expect(info.Tagged).toBe('yes');
      expect(info.Title).toBe('Svar på remiss om policy för digital omställning');
      expect(info.Author).toBe('Utbildningsnämnden');
      expect(info.Subject).toBe('Yttrande till Kommunstyrelsen över remiss KS2025/118');
      expect(info.Keywords).toBe('UN2025/412, KS2025/118');
      expect(info['Page size']).toMatch(/\(A4\)/);
      expect(new Date(info.CreationDate).toISOString()).toBe('2025-03-20T09:15:00.000Z');
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
      expect(Number(info.Pages)).toBeLessThanOrEqual(4);
      expect(dokument.toString('latin1')).toContain('/Lang (sv-SE)');
    });

    it('has a PDF/A-1b rendition that passes PDFBox Preflight and keeps the Swedish title', async () => {
      const arkiv = await pdf.toPdfA(dokument, {
        title: UN2025_412.titel,
        author: 'Utbildningsnämnden',
        subject: 'Yttrande',
        keywords: ['UN2025/412', 'KS2025/118'],
      });
      const resultat = await preflight(arkiv);
      expect(resultat.utskrift).toContain('is a valid PDF/A-1b file');
      expect(resultat.giltig).toBe(true);
      const info = await pdfInfo(arkiv);
      expect(info.Title).toBe('Svar på remiss om policy för digital omställning');
      expect(info.Keywords).toBe('UN2025/412, KS2025/118');
      expect(await pdfXmp(arkiv)).toContain(
        '<rdf:li xml:lang="x-default">Svar på remiss om policy för digital omställning</rdf:li>',
      );
      expect(ord(await pdfText(arkiv))).toContain(ord('Business intelligens1 (BI)'));
      // Written into Chromium's own output: its printed bytes are the rendition's first bytes.
      expect(arkiv.subarray(0, dokument.length).equals(dokument)).toBe(true);
    });

    it('gives a PDF that is not Chromium’s (an upload; here a PDF/A already) its PDF/A through Ghostscript', async () => {
      const meta = { title: UN2025_412.titel, author: 'Region Uppsala', subject: 'Yttrande', keywords: ['KS2025/118'] };
      const snabb = await pdf.toPdfA(dokument, meta);
      const arkiv = await pdf.toPdfA(snabb, meta);
      expect(arkiv.subarray(0, 200).toString('latin1')).not.toContain('Skia');
      const resultat = await preflight(arkiv);
      expect(resultat.utskrift).toContain('is a valid PDF/A-1b file');
      expect((await pdfInfo(arkiv)).Author).toBe('Region Uppsala');
    });
  });

  it("puts Vadstena's name, address and org.nr on a Vadstena letter instead of Enköping's", async () => {
    const vadstena: RemissvarDokument = {
      ...UN2025_412,
      brevhuvud: { kommun: 'vadstena', enhet: 'Socialnämnden' },
      vartDnr: 'SN2025/77',
    };
    const [enkoping, text] = await Promise.all([
      pdfText(await pdf.renderRemissvar(UN2025_412), true).then(blanksteg),
      pdfText(await pdf.renderRemissvar(vadstena), true).then(blanksteg),
    ]);
    expect(text).toMatch(/^Sida 1 \(3\) YTTRANDE VADSTENA KOMMUN Datum 2025-03-20 Socialnämnden Vår beteckning/);
    expect(text).toMatch(/592 80 Vadstena/);
    expect(text).toMatch(/Org\.nr 212000-0522/);
    expect(text).toMatch(/Vår beteckning SN2025\/77 Er beteckning KS2025\/118/);
    // The quoted draft mentions "Enköpings kommun"; the letterhead and footer must not.
    expect(text).not.toMatch(/745 80 Enköping|212000-0274|Kungsgatan 42|enkoping\.se/);
    expect(enkoping).not.toMatch(/Vadstena|592 80|212000-0522/);
  });

  it('states a delegationsbeslut, and that the nämnd declines to answer when it avstår', async () => {
    const avstar: RemissvarDokument = {
      ...UN2025_412,
      avstar: true,
      inledning: 'Remissen berör inte nämndens ansvarsområde.',
      synpunkter: [],
      fotnoter: [],
      beslut: {
        typ: 'delegationsbeslut',
        delegat: 'Maria Lund',
        titel: 'förvaltningschef',
        beslutsdatum: '2025-04-02',
      },
      underskrifter: [{ namn: 'Maria Lund', titel: 'Förvaltningschef' }],
      bilagor: [],
    };
    const text = blanksteg(await pdfText(await pdf.renderRemissvar(avstar)));
    expect(text).toContain(
      'Utbildningsnämnden avstår från att yttra sig över remissen. Remissen berör inte nämndens ansvarsområde.',
    );
    expect(text).toContain('Detta yttrande har beslutats på delegation av Maria Lund, förvaltningschef, 2025-04-02.');
    expect(text).toContain('Maria Lund Förvaltningschef');
    expect(text).not.toContain('Bilagor');
  });

  it('renders the remissmissiv with instanser, deadline "senast … kl. 23.59", how to answer, dnr and kontaktperson', async () => {
    const missiv: RemissmissivDokument = {
      brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen', forvaltning: 'Kommunledningskontoret' },
      datum: '2025-03-20',
      diarienummer: 'KS2025/118',
      arendemening: 'Policy för digital omställning',
      missiv:
        'Kommunstyrelsen skickar förslaget till policy för digital omställning på remiss.\n\nSynpunkter på förslagets avsnitt 3 är särskilt välkomna.',
      svarsdatum: '2025-05-15',
      remissinstanser: ['Utbildningsnämnden', 'Socialnämnden', 'Kommunala pensionärsrådet'],
      remisshandlingar: ['Förslag till policy för digital omställning, 2025-03-20'],
      fragor: ['Är målen i avsnitt 2 rimliga för er verksamhet?'],
      kontaktperson: { namn: 'Lena Åberg', epost: 'lena.aberg@enkoping.se', telefon: '0171-62 50 00' },
      svarsanvisning:
        'Svara i Remissplattformen via länken i e-postmeddelandet, eller med e-post till kommunen@enkoping.se.',
    };
    const text = blanksteg(await pdfText(await pdf.renderRemissmissiv(missiv)));
    expect(text).toMatch(/REMISS/);
    expect(text).toContain('Svaret ska ha kommit in senast 2025-05-15 kl. 23.59.');
    expect(text).toContain('Ange diarienummer KS2025/118 i ert svar.');
    expect(text).toContain('Kommunala pensionärsrådet');
    expect(text).toContain('Lena Åberg');
    expect(text).toContain('Svara i Remissplattformen via länken');
  });

  it('renders the remissammanställning grouped by page, with counts, instanser and footnotes numbered through the document', async () => {
    const antal = { medhall: 0, invandning: 0, andringsforslag: 0, ovrigt: 0 };
    const sammanstallning: RemissammanstallningDokument = {
      brevhuvud: { kommun: 'enkoping', enhet: 'Kommunstyrelsen' },
      datum: '2025-06-01',
      diarienummer: 'KS2025/118',
      arendemening: 'Policy för digital omställning',
      avsnitt: [
        {
          handling: 'Förslag till policy',
          sida: 5,
          synpunkter: [
            {
              ...UN2025_412.synpunkter[2],
              instansId: 'un',
              instans: 'Utbildningsnämnden',
              diarienummer: 'UN2025/412',
              text: 'Formuleringen bör strykas.[^1]',
              fotnoter: ['Se även protokollet.'],
              stallningstagande: {
                beslut: 'beaktas_delvis',
                motivering: 'Meningen skrivs om men kravet på planering står kvar.',
                av: 'Anna Andersson',
                registrerad: '2025-06-02T08:00:00.000Z',
                version: 2,
              },
            },
            {
              typ: 'medhall',
              instansId: 'sn',
              instans: 'Socialnämnden',
              text: 'Socialnämnden instämmer.[^1]',
              fotnoter: ['Beslut 2025-04-02.'],
            },
          ],
          antalPerTyp: { ...antal, andringsforslag: 1, medhall: 1 },
        },
      ],
      utanHanvisning: [
        {
          typ: 'ovrigt',
          instansId: 'kpr',
          instans: 'Kommunala pensionärsrådet',
          text: 'Tänk på dem som inte är digitala.',
          fotnoter: [],
        },
      ],
      stallningar: [
        { instans: 'Socialnämnden', stallning: 'tillstyrker' },
        { instans: 'Utbildningsnämnden', stallning: 'tillstyrker_med_andringar' },
      ],
      antalPerStallning: {
        tillstyrker: 1,
        tillstyrker_med_andringar: 1,
        avstyrker: 0,
        inga_synpunkter: 0,
        avstar: 1,
        ej_angiven: 0,
      },
      fragor: [
        { nummer: 1, fraga: 'Är inriktningen rimlig?', svar: [{ instans: 'Socialnämnden', text: 'Ja.' }] },
        { nummer: 2, fraga: 'Saknas något?', svar: [] },
      ],
      instanser: [
        {
          id: 'kfn',
          namn: 'Kultur- och fritidsnämnden',
          status: 'avstar',
          diarienummer: 'KFN2025/31',
          svarsdatum: '2025-05-15',
          avstarMotivering: 'Förslaget berör inte nämndens verksamhet.',
        },
        { id: 'sn', namn: 'Socialnämnden', status: 'besvarad', svarsdatum: '2025-05-15', stallning: 'tillstyrker' },
        {
          id: 'un',
          namn: 'Utbildningsnämnden',
          status: 'besvarad',
          diarienummer: 'UN2025/412',
          svarsdatum: '2025-05-30',
          anstand: { svarsdatum: '2025-05-30', orsak: 'Nämnden sammanträder först i maj.' },
          stallning: 'tillstyrker_med_andringar',
        },
      ],
      avstod: ['Kultur- och fritidsnämnden'],
      ejSvarat: ['Bygg- och miljönämnden'],
    };
    const text = blanksteg(await pdfText(await pdf.renderRemissammanstallning(sammanstallning)));
    expect(text).toContain(
      'Remissinstansernas ställning 1 tillstyrker, 1 tillstyrker med ändringar, 1 avstår Socialnämnden: tillstyrker Utbildningsnämnden (UN2025/412): tillstyrker med ändringar',
    );
    expect(text).toContain('Utbildningsnämnden (UN2025/412) – ändringsförslag');
    expect(text).toContain(
      'Ställningstagande: beaktas delvis. Meningen skrivs om men kravet på planering står kvar. (Anna Andersson, 2025-06-02)',
    );
    expect(text).toContain(
      'Avstod från att yttra sig Kultur- och fritidsnämnden (KFN2025/31): Förslaget berör inte nämndens verksamhet.',
    );
    expect(text).toContain(
      'Beviljat anstånd Utbildningsnämnden (UN2025/412): svarsdatum 2025-05-30 (Nämnden sammanträder först i maj.)',
    );
    expect(text).toContain(
      'Svar på remissens frågor Fråga 1: Är inriktningen rimlig? Socialnämnden Ja. Fråga 2: Saknas något? Ingen remissinstans har svarat på frågan.',
    );
    expect(text).toMatch(/SAMMANSTÄLLNING/);
    expect(text).toContain('Förslag till policy, s. 5');
    expect(text).toContain('1 medhåll, 1 ändringsförslag');
    expect(text).toContain('Formuleringen bör strykas.1');
    expect(text).toContain('Socialnämnden instämmer.2');
    expect(text).toContain('1 Se även protokollet.');
    expect(text).toContain('2 Beslut 2025-04-02.');
    // Each note once: a copy of a synpunkt once had its notes numbered again at the end.
    expect(text).not.toMatch(/\b3 Se även protokollet/);
    expect(text).toContain('Kultur- och fritidsnämnden');
    expect(text).toContain('Bygg- och miljönämnden');
  });

  describe("with markup in the user's text", () => {
    let server: Server;
    let forfragningar: string[];
    let port: number;
    beforeAll(async () => {
      forfragningar = [];
      server = createServer((req, res) => {
        forfragningar.push(req.url ?? '');
        res.end('x');
      });
      server.on('connection', () => forfragningar.push('(TCP connection)'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );

    it('prints the markup as visible text and makes zero requests and zero connections', async () => {
      const img = `<img src="http://127.0.0.1:${port}/x">`;
      const iframe = '<iframe src="file:///etc/passwd"></iframe>';
      const link = `<link rel=stylesheet href=http://127.0.0.1:${port}/s.css>`;
      const style = `</style><style>@import url(http://127.0.0.1:${port}/i.css);</style>`;
      const elak: RemissvarDokument = {
        ...UN2025_412,
        titel: `Svar ${img}`,
        vartDnr: `UN2025/1\\"${link}`,
        mottagare: style,
        inledning: `Vi citerar: ${img} och ${iframe}.`,
        synpunkter: [
          {
            typ: 'ovrigt',
            rubrik: link,
            citatinledning: iframe,
            citat: { text: img, sida: 2 },
            text: `Länk ${link}`,
            stryk: img,
            ersattMed: iframe,
            fotnoter: [],
          },
        ],
        fotnoter: [],
        bilagor: [style],
      };
      const text = withoutWhitespace(await pdfText(await pdf.renderRemissvar(elak)));
      for (const synlig of [
        `Svar ${img}`,
        `Vi citerar: ${img} och ${iframe}.`,
        `Länk ${link}`,
        `”${img}” (s. 2)`,
        style,
        `UN2025/1\\"${link}`,
      ]) {
        expect(text).toContain(withoutWhitespace(synlig));
      }
      expect(text).not.toContain('root:');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(forfragningar).toEqual([]);
    });
  });
});
