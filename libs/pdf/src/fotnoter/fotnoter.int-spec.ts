import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ClockModule, ConfigModule, loadConfig } from '@app/core';
import { ChromiumPool } from '../chromium/chromium-pool.service';
import { RemissvarDokument, SynpunktDokument } from '../dokument';
import { UN2025_412 } from '../exempel/un2025-412';
import { Mallar } from '../mallar/mallar.service';
import { PdfModule } from '../pdf.module';
import { PdfService } from '../pdf.service';
import { blanksteg, pdfBild, pdfOrd, pdfSidor, pdfText } from '../testing/pdf-verktyg';
import { remissvarVy } from '../vy/remissvar-vy';
import { PT_PER_MM, SIDFORMAT } from '../vy/sidformat';
import { Fotnotsombrytning } from './fotnotsombrytning';

/** The foot of the text area of every page (above the running footer), in points from the top. */
const TEXTYTANS_BOTTEN = (SIDFORMAT.hojd - SIDFORMAT.botten) * PT_PER_MM;
/** A long answer takes a print per page with notes, a second or two each on a shared machine. */
const LANG_LAYOUT_MS = 180_000;

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

/**
 * A long answer with twenty footnotes: each reference follows a word `Hnn` and its note starts
 * `Fotnot Fnn`, notes of one to three lines, up to three references in one paragraph, so several
 * pages carry more than one note and some references sit near the foot of a page.
 */
function svarMedTjugoFotnoter(): RemissvarDokument {
  let n = 0;
  const hanvisning = () => {
    n++;
    return ` H${String(n).padStart(2, '0')}[^${n}]`;
  };
  const synpunkter: SynpunktDokument[] = Array.from({ length: 12 }, (_, i) => {
    const fore = n;
    const antal = [2, 2, 1, 3, 0, 2, 2, 1, 1, 2, 2, 1][i];
    const stycken = Array.from({ length: 2 }, (_, s) => {
      let text = fyllnad(i + s, 40 + ((i * 29 + s * 13) % 70));
      for (let k = 0; k < antal; k++) if (k % 2 === s) text += hanvisning() + ' ' + fyllnad(k, 12);
      return text;
    });
    const fotnoter = Array.from({ length: n - fore }, (_, k) => {
      const nummer = String(fore + k + 1).padStart(2, '0');
      return `Fotnot F${nummer} ${fyllnad(k, 8 + (((fore + k) * 17) % 40))}.`;
    });
    return {
      typ: i % 3 === 0 ? 'andringsforslag' : 'invandning',
      rubrik: `Rubrik R${i + 1}`,
      citatinledning: 'I förslaget står:',
      citat: { text: fyllnad(i, 20 + ((i * 7) % 25)), sida: i + 2 },
      // Written with the document's numbers, referred to by the synpunkt's own (1, 2, …).
      text: stycken.map((s) => s.replace(/\[\^(\d+)\]/g, (_, m: string) => `[^${Number(m) - fore}]`)).join('\n\n'),
      stryk: i % 3 === 0 ? fyllnad(i, 10) : undefined,
      fotnoter,
    };
  });
  const inledningsnummer = n + 1;
  const inledning = `${fyllnad(3, 50)} H${String(inledningsnummer).padStart(2, '0')}[^1] ${fyllnad(4, 30)}`;
  return {
    ...UN2025_412,
    inledning,
    fotnoter: [`Fotnot F${String(inledningsnummer).padStart(2, '0')} ${fyllnad(2, 20)}.`],
    synpunkter,
  };
}

describe('footnotes at the foot of their page (real Chromium, pdftotext per page)', () => {
  let moduleRef: TestingModule;
  let pdf: PdfService;
  let utskrifter: jest.SpiedFunction<ChromiumPool['print']>;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: '1' })), ClockModule, PdfModule],
    }).compile();
    moduleRef.enableShutdownHooks();
    pdf = moduleRef.get(PdfService);
    // Counts the prints; each still goes to Chromium.
    utskrifter = jest.spyOn(moduleRef.get(ChromiumPool), 'print');
  });

  beforeEach(() => {
    utskrifter.mockClear();
  });

  afterAll(async () => {
    await moduleRef.close();
  });

  it('puts the footnote of UN2025/412 at the foot of page 1, under a short rule, as the seed has it', async () => {
    const dokument = await pdf.renderRemissvar(UN2025_412);
    const sidor = await pdfSidor(dokument);
    expect(blanksteg(sidor[0])).toContain('Business intelligens1 (BI)');
    expect(blanksteg(sidor[0])).toContain(
      '1 Framförallt genom applikationen Bedömning över tid (Böten) som utvecklats i samarbete med Atea med Power BI.',
    );
    expect(sidor.slice(1).join(' ')).not.toContain('Framförallt');

    const ord = await pdfOrd(dokument, 1);
    const fotnoten = ord.filter(
      (o) => o.yMin >= ord.find((o) => o.ord === 'Framförallt')!.yMin - 1 && o.yMax < TEXTYTANS_BOTTEN + 5,
    );
    const ovanfor = ord.filter((o) => o.yMax < fotnoten[0].yMin - 4 && o.yMin > 100);
    const sistaBrodrad = Math.max(...ovanfor.map((o) => o.yMax));
    const fotnotensTopp = Math.min(...fotnoten.map((o) => o.yMin));
    // At the foot: its last line ends within a line of the text area's bottom, below every line of text.
    expect(Math.max(...fotnoten.map((o) => o.yMax))).toBeGreaterThan(TEXTYTANS_BOTTEN - 14);
    expect(Math.max(...fotnoten.map((o) => o.yMax))).toBeLessThanOrEqual(TEXTYTANS_BOTTEN + 1);

    // The rule: a grey line between the last line of text and the note, from the left margin, 45 mm long.
    const bild = await pdfBild(dokument, 1);
    const vanster = SIDFORMAT.vanster * PT_PER_MM;
    const linjer: { y: number; bredd: number }[] = [];
    for (let y = sistaBrodrad + 1; y < fotnotensTopp; y += 0.5) {
      let bredd = 0;
      for (let x = vanster; x < bild.bredd; x += 0.5) if (bild.ljus(x, y) < 200) bredd += 0.5;
      if (bredd > 0) linjer.push({ y, bredd });
    }
    expect(linjer.length).toBeGreaterThan(0);
    const langst = Math.max(...linjer.map((l) => l.bredd));
    expect(langst).toBeGreaterThan(40 * PT_PER_MM);
    expect(langst).toBeLessThan(50 * PT_PER_MM);
    expect(bild.ljus(vanster + 20 * PT_PER_MM, linjer.find((l) => l.bredd === langst)!.y)).toBeLessThan(200);
    expect(utskrifter.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it(
    'puts each of twenty footnotes of a long answer on the page of its reference, and numbers them in order',
    async () => {
      const dokument = await pdf.renderRemissvar(svarMedTjugoFotnoter());
      const sidor = (await pdfSidor(dokument)).map(blanksteg);
      expect(sidor.length).toBeGreaterThanOrEqual(4);
      const sidaAv = (monster: RegExp) => sidor.findIndex((s) => monster.test(s));
      const nummer: number[] = [];
      for (let n = 1; n <= 20; n++) {
        const id = String(n).padStart(2, '0');
        const referens = sidaAv(new RegExp(`H${id}\\d`));
        const fotnot = sidaAv(new RegExp(`\\d+ Fotnot F${id} `));
        expect({ fotnot: id, sida: fotnot }).toEqual({ fotnot: id, sida: referens });
        const tryckt = Number(new RegExp(`H${id}(\\d+)`).exec(sidor[referens])![1]);
        expect(sidor[fotnot]).toContain(`${tryckt} Fotnot F${id} `);
        nummer.push(tryckt);
      }
      expect(new Set(nummer).size).toBe(20);
      // The notes pushed text down: some references are on a later page than with the notes at the
      // end (one print, notes left there), and took their notes along.
      const html = moduleRef.get(Mallar).html('remissvar', UN2025_412.brevhuvud, remissvarVy(svarMedTjugoFotnoter()));
      const pool = moduleRef.get(ChromiumPool);
      const slutnoter = (
        await pdfSidor((await new Fotnotsombrytning((h) => pool.print(h), SIDFORMAT, 1).print(html)).pdf)
      ).map(blanksteg);
      const flyttade = Array.from({ length: 20 }, (_, i) => new RegExp(`H${String(i + 1).padStart(2, '0')}\\d`)).filter(
        (referens) => sidaAv(referens) > slutnoter.findIndex((s) => referens.test(s)),
      );
      expect(flyttade.length).toBeGreaterThan(0);
      // Every page's notes are at its foot: no text of the page below its first note, the last note near the bottom.
      for (const [index, sida] of sidor.entries()) {
        if (!sida.includes('Fotnot F')) continue;
        const ord = await pdfOrd(dokument, index + 1);
        const forstaFotnot = Math.min(...ord.filter((o) => o.ord === 'Fotnot').map((o) => o.yMin));
        const underFotnoterna = ord.filter((o) => o.yMin >= forstaFotnot - 1 && o.yMax < TEXTYTANS_BOTTEN + 1);
        expect(underFotnoterna.filter((o) => /^(H\d\d|Rubrik)/.test(o.ord))).toEqual([]);
        expect(Math.max(...underFotnoterna.map((o) => o.yMax))).toBeGreaterThan(TEXTYTANS_BOTTEN - 14);
      }
    },
    LANG_LAYOUT_MS,
  );

  it('keeps a footnote no text refers to at the end, after the one at the foot of page 1', async () => {
    const sidor = (
      await pdfSidor(
        await pdf.renderRemissvar({ ...UN2025_412, fotnoter: [...UN2025_412.fotnoter, 'Utan hänvisning i texten.'] }),
      )
    ).map(blanksteg);
    expect(sidor[0]).toContain('1 Framförallt genom applikationen');
    expect(sidor[0]).not.toContain('Utan hänvisning');
    expect(sidor[sidor.length - 1]).toMatch(/Bilagor 1\. Protokollsutdrag .* 2 Utan hänvisning i texten\./);
  });

  it(
    'leaves the notes at the end, and says so in the log, when the layout has not settled within its prints',
    async () => {
      const varningar = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        const html = moduleRef.get(Mallar).html('remissvar', UN2025_412.brevhuvud, remissvarVy(svarMedTjugoFotnoter()));
        const pool = moduleRef.get(ChromiumPool);
        const resultat = await new Fotnotsombrytning((h) => pool.print(h), SIDFORMAT, 2).print(html);
        expect(resultat).toMatchObject({ utskrifter: 2, vidSidfoten: false });
        expect(varningar).toHaveBeenCalledWith(expect.stringContaining('they stay at the end of the document'));
        const sidor = (await pdfSidor(resultat.pdf)).map(blanksteg);
        const sista = sidor[sidor.length - 1];
        expect(sidor.slice(0, -1).join(' ')).not.toMatch(/Fotnot F/);
        expect(sista.match(/\d+ Fotnot F\d\d/g)).toHaveLength(20);
      } finally {
        varningar.mockRestore();
      }
    },
    LANG_LAYOUT_MS,
  );

  it('prints a document without footnotes once', async () => {
    const utan: RemissvarDokument = {
      ...UN2025_412,
      inledning: UN2025_412.inledning.replace('[^1]', ''),
      fotnoter: [],
    };
    const text = blanksteg(await pdfText(await pdf.renderRemissvar(utan)));
    expect(text).toContain('Business intelligens (BI)');
    expect(utskrifter).toHaveBeenCalledTimes(1);
  });

  it('prints a document it has laid out before once, with the same footnote placement', async () => {
    const dokument = svarMedTjugoFotnoter();
    const forsta = await pdfSidor(await pdf.renderRemissvar(dokument));
    utskrifter.mockClear();
    const andra = await pdfSidor(await pdf.renderRemissvar(dokument));
    expect(utskrifter).toHaveBeenCalledTimes(1);
    expect(andra).toEqual(forsta);
  });
});
