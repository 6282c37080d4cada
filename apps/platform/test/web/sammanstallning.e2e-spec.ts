import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lasCsv } from '@app/core/testing/csv';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { blanksteg, pdfText } from '@app/pdf/testing/pdf-verktyg';
import { CSV_KOLUMNER } from '@app/remiss';
import { remissUtkast, SIDA_5 } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import {
  clickButton,
  expectAccessible,
  mainText,
  startBrowser,
  tableRows,
  watchConsole,
} from '@app/web/testing/webblasare';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/** A cell Excel would run: the platform must write it as text. */
const FORMEL = '=HYPERLINK("https://angripare.example/";"Klicka")';
const AVSTAR = 'Förslaget berör inte Tekniska nämndens verksamhet.';
const ANSTAND = 'Nämnden sammanträder först efter svarsdatum.';

/**
 * The remissansvarig's compiling through the pages only, in a real Chromium: a sent remiss with
 * answers from two nämnder, one that declined and one external party, compiled, filtered, each
 * synpunkt given a ställningstagande (one refused without its motivering), one changed and its
 * history shown, then the PDF and the CSV downloaded and read. The answers are written into the
 * tables as expediering leaves them (the nämnd's side has its own stories); every state is checked
 * with axe-core and html-validate.
 */
describe('the remissansvarig: sammanställning, ställningstaganden, PDF and CSV (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let remiss: { id: string; diarienummer: string; handlingId: string };
  /** Synpunkt ids by a short name. */
  const ids: Record<string, string> = {};

  /** An expedierat answer of the instans `namn`, its synpunkter, and the instans besvarad under `dnr`. */
  async function expedierat(
    namn: string,
    dnr: string,
    stallning: string,
    synpunkter: {
      namn: string;
      typ: string;
      text: string;
      rubrik?: string;
      sida?: number;
      citat?: string;
      fotnoter?: string[];
      stryk?: string;
    }[],
    externt = false,
  ) {
    const [instans] = await sql(
      t.db.url,
      `SELECT id, mottagare_organisation_id AS org, mottagare_enhet_id AS enhet, organisation_id AS avsandare FROM remissinstans WHERE remiss_id = $1 AND namn = $2`,
      [remiss.id, namn],
    );
    const [rv] = await sql(
      t.db.url,
      `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, expedierad_at, stallning, fragesvar, eget_diarienummer)
       VALUES ($1, $2, $3, 'expedierat', 'Svar på remiss', now(), $4, $5::jsonb, $6) RETURNING id`,
      [
        instans.org ?? instans.avsandare,
        instans.enhet,
        instans.id,
        stallning,
        JSON.stringify([{ fraga: 1, text: `${namn} anser att inriktningen är rimlig.` }]),
        externt ? dnr : null,
      ],
    );
    for (const [n, s] of synpunkter.entries()) {
      const [rad] = await sql(
        t.db.url,
        `INSERT INTO synpunkt (remissvar_id, ordning, typ, rubrik, text, remisshandling_id, sida, citat, stryk_text, fotnoter)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`,
        [
          rv.id,
          n + 1,
          s.typ,
          s.rubrik ?? null,
          s.text,
          s.sida ? remiss.handlingId : null,
          s.sida ?? null,
          s.citat ?? null,
          s.stryk ?? null,
          JSON.stringify(s.fotnoter ?? []),
        ],
      );
      ids[s.namn] = rad.id;
    }
    await sql(
      t.db.url,
      `UPDATE remissinstans SET status = 'besvarad', besvarad_at = now(), mottagare_diarienummer = $2 WHERE id = $1`,
      [instans.id, externt ? null : dnr],
    );
  }

  const path = () => new URL(page.url()).pathname;
  /** For looking at the page (docs/skarmbilder holds the chosen ones): 1100 px wide, the whole page. */
  async function skarmbild(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true });
  }
  const kort = (id: string) =>
    page.$eval(`#synpunkt-${id}`, (e) => (e as unknown as { innerText: string }).innerText.replace(/\s+/g, ' '));
  const cookie = async () =>
    (await browser.defaultBrowserContext().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  async function ladda(href: string) {
    const res = await fetch(`${t.url}${href}`, { headers: { cookie: await cookie() } });
    expect(res.status).toBe(200);
    return { res, data: Buffer.from(await res.arrayBuffer()) };
  }
  async function taStallning(id: string, beslut: string, motivering: string) {
    await Promise.all([page.waitForNavigation(), page.click(`#synpunkt-${id} .rp-stallningstagande a`)]);
    expect(path()).toBe(`/remisser/${remiss.id}/sammanstallning/synpunkter/${id}`);
    await page.click(`input[name="beslut"][value="${beslut}"]`);
    await page.$eval('#motivering', (e) => ((e as unknown as { value: string }).value = ''));
    if (motivering) await page.type('#motivering', motivering);
    await clickButton(page, 'Spara ställningstagandet');
  }

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    const ks = await t.as('remissansvarig@enkoping.demo');
    const enheter = (await ks.get('/api/remissmottagare')).body as {
      enhetId: string;
      kortnamn: string;
      organisation: string;
    }[];
    const enhet = (k: string) =>
      enheter.find((e) => e.kortnamn === k && e.organisation === 'Enköpings kommun')!.enhetId;
    remiss = await remissUtkast(ks, 'Förslag till policy för digital omställning', [
      { enhetId: enhet('UN') },
      { enhetId: enhet('SN') },
      { enhetId: enhet('TN') },
      { namn: 'Region Uppsala', epost: 'region@example.se' },
    ]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    await expedierat('Utbildningsnämnden', 'UN2025/412', 'tillstyrker_med_andringar', [
      {
        namn: 'unPilot',
        typ: 'invandning',
        rubrik: 'Pilotstudier',
        sida: 5,
        citat: SIDA_5[1],
        text: 'Formuleringen är för kategorisk.[^1]',
        fotnoter: ['Se nämndens digitaliseringsplan 2024.'],
      },
      {
        namn: 'unStryk',
        typ: 'andringsforslag',
        sida: 5,
        citat: SIDA_5[2],
        text: 'Meningen bör strykas.',
        stryk: 'och genomför införandeprojekt',
      },
    ]);
    await expedierat('Socialnämnden', 'SN2025/77', 'tillstyrker', [{ namn: 'snFormel', typ: 'ovrigt', text: FORMEL }]);
    await expedierat(
      'Region Uppsala',
      'RS 2025-0042',
      'avstyrker',
      [{ namn: 'region', typ: 'invandning', sida: 5, citat: SIDA_5[0], text: 'Regionen behöver egna piloter.' }],
      true,
    );
    // Tekniska nämnden declined with a letter; Socialnämnden was granted anstånd before it answered.
    const [tn] = await sql(
      t.db.url,
      `UPDATE remissinstans SET status = 'avstar', avstod_at = now(), mottagare_diarienummer = 'TN2025/9' WHERE remiss_id = $1 AND namn = 'Tekniska nämnden'
       RETURNING id, mottagare_organisation_id AS org, mottagare_enhet_id AS enhet`,
      [remiss.id],
    );
    await sql(
      t.db.url,
      `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, typ, status, titel, inledning, expedierad_at)
       VALUES ($1, $2, $3, 'avstar', 'expedierat', 'Svar på remiss', $4, now())`,
      [tn.org, tn.enhet, tn.id, AVSTAR],
    );
    await sql(
      t.db.url,
      `UPDATE remissinstans SET svarsdatum = svarsdatum + 14, anstand_orsak = $2 WHERE remiss_id = $1 AND namn = 'Socialnämnden'`,
      [remiss.id, ANSTAND],
    );
    browser = await startBrowser();
    page = await browser.newPage();
    konsol = watchConsole(page);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in and compiles: positions counted, every instans with its dnr, anstånd and reason to decline', async () => {
    await page.goto(`${t.url}/logga-in?tillbaka=${encodeURIComponent(`/remisser/${remiss.id}/sammanstallning`)}`);
    await page.type('#epost', 'remissansvarig@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    expect(path()).toBe(`/remisser/${remiss.id}/sammanstallning`);
    expect(await page.title()).toBe('Remissammanställning – Remissplattformen');
    const antal = await tableRows(page, 'table:first-of-type');
    expect(antal).toEqual([
      'Tillstyrker 1',
      'Tillstyrker med ändringar 1',
      'Avstyrker 1',
      'Inga synpunkter 0',
      'Avstår 1',
      'Svar utan angiven ställning 0',
    ]);
    const text = (await mainText(page)).replace(/\s+/g, ' ');
    expect(text).toContain('Region Uppsala RS 2025-0042 Besvarad Avstyrker');
    expect(text).toContain(`Tekniska nämnden TN2025/9 Avstått Avstår ${AVSTAR}`);
    expect(text).toMatch(
      new RegExp(`Socialnämnden SN2025/77 Besvarad Tillstyrker \\d{4}-\\d\\d-\\d\\d Anstånd: ${ANSTAND}`),
    );
    expect(text).toContain('Visar 4 synpunkter.');
    expect(await kort(ids.unPilot)).toContain(
      `Utbildningsnämnden (UN2025/412) Invändning Pilotstudier ”${SIDA_5[1]}” (s. 5) Formuleringen är för kategorisk.[1] Fotnoter Se nämndens digitaliseringsplan 2024. Inget ställningstagande än. Ta ställning`,
    );
    expect(text).toContain(
      'Fråga 1: Är inriktningen rimlig? Region Uppsala Region Uppsala anser att inriktningen är rimlig.',
    );
    await expectAccessible(page, 'sammanställning', konsol);
    await skarmbild('sammanstallning');
  });

  it('filters by kind and by instans', async () => {
    await page.select('#typ', 'invandning');
    await clickButton(page, 'Filtrera');
    let text = (await mainText(page)).replace(/\s+/g, ' ');
    expect(text).toContain('Visar 2 synpunkter som stämmer med filtret.');
    expect(await page.$$eval('article.rp-sammanstalld', (a) => a.map((e) => e.id))).toEqual([
      `synpunkt-${ids.region}`,
      `synpunkt-${ids.unPilot}`,
    ]);
    await expectAccessible(page, 'sammanställning, filtered by kind', konsol);
    const [region] = await sql(
      t.db.url,
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Region Uppsala'`,
      [remiss.id],
    );
    await page.select('#typ', '');
    await page.select('#instans', region.id);
    await clickButton(page, 'Filtrera');
    text = (await mainText(page)).replace(/\s+/g, ' ');
    expect(text).toContain('Visar 1 synpunkt som stämmer med filtret.');
    expect(text).not.toContain('Socialnämnden anser');
    await expectAccessible(page, 'sammanställning, filtered by instans', konsol);
    const rensa = await page.waitForSelector('::-p-xpath(//main//a[normalize-space()="Rensa filter"])');
    await Promise.all([page.waitForNavigation(), rensa!.click()]);
    expect((await mainText(page)).replace(/\s+/g, ' ')).toContain('Visar 4 synpunkter.');
  });

  it('records ställningstaganden: refused without motivering where one is needed, then saved with who and when', async () => {
    await taStallning(ids.unStryk, 'beaktas_inte', '');
    expect(path()).toBe(`/remisser/${remiss.id}/sammanstallning/synpunkter/${ids.unStryk}`);
    const fel = 'Skriv en motivering: varför synpunkten beaktas delvis eller inte beaktas.';
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent!.replace(/\s+/g, ' ').trim())).toContain(fel);
    expect(await page.$eval('#motivering-error', (e) => e.textContent!.trim())).toBe(`Fel: ${fel}`);
    expect(await page.$eval('input[value="beaktas_inte"]', (e) => (e as unknown as { checked: boolean }).checked)).toBe(
      true,
    );
    await expectAccessible(page, 'ställningstagande, refused', konsol);
    await skarmbild('sammanstallning-stallningstagande-fel');
    expect(await sql(t.db.url, `SELECT 1 FROM stallningstagande`)).toEqual([]);
    await page.type('#motivering', 'Kravet på införandeprojekt står kvar.');
    await clickButton(page, 'Spara ställningstagandet');
    expect(path()).toBe(`/remisser/${remiss.id}/sammanstallning`);
    expect(await mainText(page)).toContain('Ställningstagandet är sparat: beaktas inte');
    expect(await kort(ids.unStryk)).toMatch(
      /Ställningstagande: Beaktas inte Kravet på införandeprojekt står kvar\. Karin Lind, \d{4}-\d\d-\d\d kl\. \d\d\.\d\d Ändra ställningstagande/,
    );
    await expectAccessible(page, 'sammanställning, after a ställningstagande', konsol);
    await taStallning(ids.snFormel, 'noteras', '');
    expect(await kort(ids.snFormel)).toContain('Ställningstagande: Noteras');
  });

  it('changes one: the page shows the current one, the form its history', async () => {
    await taStallning(ids.unStryk, 'beaktas_delvis', 'Meningen skrivs om; införandeprojekt blir ett exempel.');
    expect(await mainText(page)).toContain('Det ersätter det tidigare (version 2); historiken finns kvar.');
    expect(await kort(ids.unStryk)).toContain(
      'Ställningstagande: Beaktas delvis Meningen skrivs om; införandeprojekt blir ett exempel.',
    );
    expect(await kort(ids.unStryk)).toContain('(ändrat, version 2)');
    await Promise.all([page.waitForNavigation(), page.click(`#synpunkt-${ids.unStryk} .rp-stallningstagande a`)]);
    expect(await page.title()).toBe('Ändra ställningstagande – Remissplattformen');
    const historik = await page.$$eval('#historik + table tbody tr', (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
      ),
    );
    expect(historik).toEqual([
      ['2 (gäller)', 'Beaktas delvis', 'Meningen skrivs om; införandeprojekt blir ett exempel.', 'Karin Lind'],
      ['1', 'Beaktas inte', 'Kravet på införandeprojekt står kvar.', 'Karin Lind'],
    ]);
    expect(
      await page.$eval('input[value="beaktas_delvis"]', (e) => (e as unknown as { checked: boolean }).checked),
    ).toBe(true);
    await expectAccessible(page, 'ställningstagande, with history', konsol);
    await skarmbild('sammanstallning-historik');
  });

  it('downloads the PDF: the ställningstagande, the dnr, the reason to decline and the anstånd', async () => {
    await page.goto(`${t.url}/remisser/${remiss.id}/sammanstallning`);
    const href = await page.$eval('a[href$="sammanstallning.pdf"]', (a) => a.getAttribute('href')!);
    const { res, data } = await ladda(href);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename\*=UTF-8''KS\d{4}-\d+-remissammanstallning\.pdf$/,
    );
    const text = blanksteg(await pdfText(data));
    expect(text).toContain('Utbildningsnämnden (UN2025/412) – ändringsförslag');
    expect(text).toContain(
      'Ställningstagande: beaktas delvis. Meningen skrivs om; införandeprojekt blir ett exempel. (Karin Lind,',
    );
    expect(text).toContain('Region Uppsala (RS 2025-0042) – invändning');
    expect(text).toContain(`Avstod från att yttra sig Tekniska nämnden (TN2025/9): ${AVSTAR}`);
    expect(text).toContain('Beviljat anstånd Socialnämnden (SN2025/77): svarsdatum');
    expect(text).toContain('1 avstyrker');
  });

  it('downloads the CSV: its columns, every synpunkt with its ställningstagande, and a formula cell written as text', async () => {
    const href = await page.$eval('a[href$="sammanstallning.csv"]', (a) => a.getAttribute('href')!);
    const { res, data } = await ladda(href);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [kolumner, ...rader] = lasCsv(data.toString('utf8'));
    expect(kolumner).toEqual([...CSV_KOLUMNER]);
    const kol = (rad: string[], namn: (typeof CSV_KOLUMNER)[number]) => rad[kolumner.indexOf(namn)];
    const synpunkt = (id: string) => rader.find((r) => kol(r, 'Synpunktens id') === id)!;
    expect([
      kol(synpunkt(ids.unStryk), 'Instansens dnr'),
      kol(synpunkt(ids.unStryk), 'Typ'),
      kol(synpunkt(ids.unStryk), 'Stryk'),
      kol(synpunkt(ids.unStryk), 'Ställningstagande'),
      kol(synpunkt(ids.unStryk), 'Motivering'),
      kol(synpunkt(ids.unStryk), 'Ställningstagande av'),
    ]).toEqual([
      'UN2025/412',
      'Ändringsförslag',
      'och genomför införandeprojekt',
      'beaktas delvis',
      'Meningen skrivs om; införandeprojekt blir ett exempel.',
      'Karin Lind',
    ]);
    expect([kol(synpunkt(ids.unPilot), 'Rubrik'), kol(synpunkt(ids.unPilot), 'Fotnoter')]).toEqual([
      'Pilotstudier',
      '[1] Se nämndens digitaliseringsplan 2024.',
    ]);
    // Excel would run the cell; with a leading ' it is text.
    expect(kol(synpunkt(ids.snFormel), 'Synpunkt')).toBe(`'${FORMEL}`);
    expect(kol(synpunkt(ids.snFormel), 'Ställningstagande')).toBe('noteras');
    const avstar = rader.find((r) => kol(r, 'Remissinstans') === 'Tekniska nämnden' && kol(r, 'Typ') === 'Avstår')!;
    expect([kol(avstar, 'Instansens dnr'), kol(avstar, 'Synpunkt')]).toEqual(['TN2025/9', AVSTAR]);
    const anstand = rader.find((r) => kol(r, 'Typ') === 'Anstånd')!;
    expect([kol(anstand, 'Remissinstans'), kol(anstand, 'Synpunkt')]).toEqual([
      'Socialnämnden',
      expect.stringMatching(new RegExp(`^Svarsdatum \\d{4}-\\d\\d-\\d\\d: ${ANSTAND}$`)),
    ]);
  });
});
