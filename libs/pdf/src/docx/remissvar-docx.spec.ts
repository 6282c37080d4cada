import { describe, expect, it } from '@jest/globals';
import { Packer } from 'docx';
import { join } from 'node:path';
import { RemissvarDokument } from '../dokument';
import { UN2025_412 } from '../exempel/un2025-412';
import { kommunFor, loadKommun } from '../mallar/kommun';
import { readDocx } from '../testing/docx-verktyg';
import { stycken } from '../vy/text';
import { remissvarDocx } from './remissvar-docx';

const KOMMUNER = join('templates', 'kommuner');

async function render(doc: RemissvarDokument) {
  return readDocx(await Packer.toBuffer(remissvarDocx(doc, loadKommun(KOMMUNER, doc.brevhuvud.kommun))));
}

/** Text as Word shows it: the view's footnote markers as `[^n]`, whitespace collapsed. */
const utanMarkorer = (text: string) => text.replace(/\[\^\d+\]/g, '').replace(/\s+/g, ' ');

describe('the remissvar as DOCX', () => {
  it('is UN2025/412 with its letterhead, header fields, quotes, strikes, footnote, beslut and signatures', async () => {
    const docx = await render(UN2025_412);

    // The letterhead and the header fields, labelled as Enköping labels them.
    for (const rad of [
      'Enköpings kommun',
      'Utbildningsnämnden',
      'Utbildningsförvaltningen',
      'YTTRANDE',
      'Datum\t2025-03-20',
      'Ärendenummer\tUN2025/412',
      'Ert dnr\tKS2025/118',
      'Kommunstyrelsen',
      'Svar på remiss om policy för digital omställning',
    ])
      expect(docx.text.split('\n')).toContain(rad);
    expect(docx.text).not.toContain('Vårt dnr');

    // Every paragraph the nämnd wrote, word for word.
    for (const text of [UN2025_412.inledning, ...UN2025_412.synpunkter.map((s) => s.text)])
      for (const stycke of stycken(text)) expect(utanMarkorer(docx.text)).toContain(utanMarkorer(stycke));

    // The footnote is a real Word footnote, referenced where the text refers to it.
    expect(docx.text).toContain('Business intelligens[^1] (BI)');
    expect(docx.fotnoter).toEqual([
      '1: Framförallt genom applikationen Bedömning över tid (Böten) som utvecklats i samarbete med Atea med Power BI.',
    ]);

    // Quotations with their lead-in and page reference (no-break space in "s. 5").
    expect(docx.text).toContain('I policyn framgår:\n”I Enköpings kommun är vi måna om att lära oss');
    expect(docx.text).toContain('genomför införandeprojekt.” (s.\u00A05)');

    // Ändringsförslag: struck through, as formatting of exactly the text to strike.
    expect(docx.text).toContain(
      'Förslag: stryk\ndetta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.',
    );
    expect(docx.genomstruket).toEqual(UN2025_412.synpunkter.flatMap((s) => (s.stryk ? [s.stryk] : [])));
    expect(docx.understruket).toEqual([]);

    // Beslut, signatures, bilagor.
    expect(docx.text).toContain(
      'Beslut\nUtbildningsnämnden beslutade vid sammanträde 2025-03-19, § 42, att avge detta yttrande.',
    );
    // Its hyphens are Word's non-breaking ones, so the date never breaks over two lines.
    expect(docx.delar['word/document.xml']).toMatch(
      /2025<\/w:t><w:noBreakHyphen\/><w:t[^>]*>03<\/w:t><w:noBreakHyphen\/><w:t[^>]*>19/,
    );
    for (const rad of ['Karin Ekström', 'Ordförande', 'Johan Berglund', 'Nämndsekreterare'])
      expect(docx.text.split('\n')).toContain(rad);
    expect(docx.text).toContain('Bilagor\nProtokollsutdrag Utbildningsnämnden 2025-03-19, § 42');
    expect(docx.delar['word/numbering.xml']).toContain('w:val="decimal"');

    // Running header of later pages and the footer with the kommun's addresses.
    expect(docx.sidhuvuden).toContain('Enköpings kommun\tYTTRANDE  2025-03-20');
    expect(docx.sidhuvuden).toContain('Utbildningsnämnden\tUN2025/412   Sida');
    expect(docx.delar['word/header2.xml'] + docx.delar['word/header1.xml']).toContain('NUMPAGES');
    for (const rad of [
      'Postadress',
      '745 80 Enköping',
      'Kungsgatan 42, Enköping',
      'Org.nr 212000-0274',
      'Telefon 0171-62 50 00',
      'www.enkoping.se',
    ])
      expect(docx.sidfotter.split('\n')).toContain(rad);

    // Title, author, dnr and language, as the PDF carries them.
    const core = docx.delar['docProps/core.xml'];
    expect(core).toContain('<dc:title>Svar på remiss om policy för digital omställning</dc:title>');
    expect(core).toContain('<dc:creator>Utbildningsnämnden</dc:creator>');
    expect(core).toContain('<cp:keywords>UN2025/412, KS2025/118</cp:keywords>');
    expect(docx.delar['word/styles.xml']).toContain('w:lang w:val="sv-SE"');
  });

  it("answers the frågor, states the ställning, shows a replacement as insertion and keeps a region's labels", async () => {
    const doc: RemissvarDokument = {
      brevhuvud: { kommun: 'region-exempel', enhet: 'Regionstyrelsen' },
      datum: '2026-12-01',
      vartDnr: 'RS 2026/77',
      ertDnr: 'KS2026/5',
      mottagare: 'Kommunstyrelsen <Exempelstad> & co',
      titel: 'Svar på remiss om vattenplan',
      inledning: 'Regionen har läst planen[^1].',
      stallning: 'tillstyrker_med_andringar',
      fragesvar: [{ nummer: 2, fraga: 'Är målen rimliga?', svar: 'Ja, men mål 3 behöver en tidplan[^1].' }],
      synpunkter: [
        {
          typ: 'andringsforslag',
          rubrik: 'Mål 3',
          citat: { text: 'Målet nås 2030.', sida: 7, handling: 'Vattenplan' },
          text: 'Årtalet bör ändras[^1], se även[^2].',
          stryk: '2030',
          ersattMed: '2035',
          fotnoter: ['Se Havs- och vattenmyndighetens vägledning.', 'Inte hänvisad i texten.'],
        },
      ],
      avslutning: '',
      fotnoter: ['Version 2026-10-01.', 'En fotnot som ingen text hänvisar till.'],
      beslut: { typ: 'delegationsbeslut', delegat: 'Eva Lind', titel: 'Regiondirektör', beslutsdatum: '2026-11-30' },
      underskrifter: [{ namn: 'Eva Lind', titel: 'Regiondirektör' }],
      bilagor: [],
    };
    const docx = await render(doc);

    expect(docx.text).toContain('Diarienummer\tRS 2026/77');
    expect(docx.text).toContain('Ert diarienummer\tKS2026/5');
    expect(docx.text).toContain('Region Exempel');
    expect(docx.text).toContain('Kommunstyrelsen <Exempelstad> & co');
    expect(docx.text).toContain(
      'Regionstyrelsen tillstyrker förslaget med de ändringar som framgår av detta yttrande.',
    );
    expect(docx.text).toContain(
      'Svar på remissens frågor\nFråga 2: Är målen rimliga?\nJa, men mål 3 behöver en tidplan[^1].',
    );
    expect(docx.text).toContain('Mål 3\n”Målet nås 2030.” (Vattenplan, s.\u00A07)');
    expect(docx.text).toContain('Förslag: ersätt\n2030\nmed\n2035');
    expect(docx.genomstruket).toEqual(['2030']);
    expect(docx.understruket).toEqual(['2035']);
    expect(docx.text).toContain('Detta yttrande har beslutats på delegation av Eva Lind, Regiondirektör, 2026-11-30.');
    expect(docx.sidfotter).toContain('Org.nr 232100-0990');

    // Numbered through the document in reading order; the unreferenced ones still get a reference.
    expect(docx.text).toContain('Årtalet bör ändras[^2], se även[^3].');
    expect(docx.text).toContain('[^4]');
    expect(docx.fotnoter).toEqual([
      '1: Version 2026-10-01.',
      '2: Se Havs- och vattenmyndighetens vägledning.',
      '3: Inte hänvisad i texten.',
      '4: En fotnot som ingen text hänvisar till.',
    ]);
  });

  it('prints an organisation without a letterhead folder from its own fields, leaving out the lines it lacks', async () => {
    const brevhuvud = { kommun: 'region-nordana', enhet: 'Regionstyrelsen' };
    const uppgifter = {
      namn: 'Region Nordanå',
      besoksadress: '',
      postadress: 'Box 7, 901 85 Nordanå',
      telefon: '',
      epost: 'region@nordana.se',
      webb: '',
      organisationsnummer: '232100-0115',
      farger: { primar: '#3b3b3b', accent: '#6b6b6b' },
      etiketter: { vartDnr: 'Vårt dnr', ertDnr: 'Ert dnr' },
      emblem: '',
    };
    const doc = { ...UN2025_412, brevhuvud: { ...brevhuvud, uppgifter } };
    const docx = await readDocx(
      await Packer.toBuffer(remissvarDocx(doc, kommunFor(undefined, brevhuvud.kommun, uppgifter))),
    );
    expect(docx.text.split('\n')).toContain('Region Nordanå');
    expect(docx.sidfotter.split('\n')).toEqual(
      expect.arrayContaining(['Postadress', 'Box 7, 901 85 Nordanå', 'Org.nr 232100-0115', 'region@nordana.se']),
    );
    expect(docx.sidfotter).not.toMatch(/Telefon|Besöksadress/);
  });
});
