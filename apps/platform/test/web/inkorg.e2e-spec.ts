import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, daysBetween, stockholmDatum } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { POLICY_SIDOR } from '@app/svar/testing/policy-fixture';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { Browser, BrowserContext, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const AMNEN = ['Avfallsplan', 'Taxa för tillsyn', 'Översiktsplan', 'Kulturpolitiskt program'];
/**
 * Of the 30 seeded remisser: g % 5 = 0 besvarad, 1 registrerad, else inbjuden; g < 10 past their
 * svarsdatum, except g = 2, whose instans was granted anstånd by 20 days from today.
 */
const SEEDADE = 30;
const statusFor = (g: number) => (g % 5 === 0 ? 'besvarad' : g % 5 === 1 ? 'registrerad' : 'inbjuden');
const ANSTAND = 'Nämnden sammanträder först i januari.';

/**
 * The nämnd's story through the pages only, in a real Chromium: Utbildningsnämnden's inkorg with
 * 31 remisser (the demo's KS2025/118 and 30 seeded), filtered, sorted and paged; the demo remiss
 * opened, a page of its handling read and its PDF fetched, registered with the keyboard only; another
 * remiss declined, first without a reason. Every state is checked with axe-core and html-validate.
 */
describe('the nämnd: inkorg, the remiss as received, registrera and avstå (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let konsol: string[];
  let demo: DemoRemiss;
  let idag: string;

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    demo = await demoRemissMedHandling(t.db.url);
    idag = stockholmDatum(new Date());
    const [{ org, ks }] = await sql(
      t.db.url,
      `SELECT organisation_id AS org, avsandare_enhet_id AS ks FROM remiss WHERE id = $1`,
      [demo.remissId],
    );
    for (let g = 1; g <= SEEDADE; g++) {
      const [remiss] = await sql(
        t.db.url,
        `INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, missiv, svarsdatum, status, utskickad_at)
         VALUES ($1, $2, $3, $4, 'Kommunstyrelsen önskar synpunkter.', $5, 'utskickad', now() - $6 * interval '1 hour') RETURNING id, svarsdatum`,
        [org, ks, `KS2026/${g}`, `${AMNEN[g % AMNEN.length]} ${g}`, addDays(idag, g - 10), g],
      );
      await sql(
        t.db.url,
        `INSERT INTO remissinstans (organisation_id, remiss_id, namn, mottagare_organisation_id, mottagare_enhet_id, status, svarsdatum, anstand_orsak, mottagare_diarienummer)
         VALUES ($1, $2, 'Utbildningsnämnden', $1, $3, $4, $5, $6, $7)`,
        [
          org,
          remiss.id,
          demo.enheter.UN,
          statusFor(g),
          g === 2 ? addDays(idag, 20) : addDays(idag, g - 10),
          g === 2 ? ANSTAND : null,
          g % 5 === 1 ? `UN2026/${900 + g}` : null,
        ],
      );
    }
    await sql(t.db.url, `UPDATE remiss SET fragor = $2 WHERE id = $1`, [
      demo.remissId,
      JSON.stringify([
        { nummer: 1, text: 'Är inriktningen rimlig?' },
        { nummer: 2, text: 'Vad saknas i förslaget?' },
      ]),
    ]);
    browser = await startBrowser();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    konsol = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const path = () => new URL(page.url()).pathname;
  const rows = () =>
    page.$$eval('table.rp-inkorg tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText)),
    );
  async function clickLink(text: string) {
    const lank = await page.waitForSelector(`::-p-xpath(//main//a[normalize-space()="${text}"])`);
    await Promise.all([page.waitForNavigation(), lank!.click()]);
  }
  /** Tab until the focused element's text is `text` (keyboard only: no click). */
  async function tabTo(text: string) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      // A radio button has no text of its own: it is known by its id.
      const fokus = await page.evaluate(() => {
        const e = (globalThis as unknown as { document: { activeElement: { innerText?: string; id: string } } })
          .document.activeElement;
        return (e.innerText ?? '').trim() || e.id;
      });
      if (fokus === text) return;
    }
    throw new Error(`Tab never reached "${text}"`);
  }

  it('signs in to the inkorg: 25 of 31 remisser, counts per status, försenad with days late', async () => {
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', 'un.sekreterare@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    expect(path()).toBe('/inkorg');
    expect(await page.title()).toBe('Inkorg – Remissplattformen');
    const text = await mainText(page);
    expect(text).toContain('Utbildningsnämnden');
    expect(text).toContain('Visar 1–25 av 31 remisser.');
    expect(await rows()).toHaveLength(25);
    const val = await page.$$eval('#status option', (os) => os.map((o) => o.textContent!.trim()));
    // The demo's instans is inbjuden too: 1 + 18 inbjudna, 6 registrerade, 6 besvarade.
    expect(val).toEqual([
      'Alla statusar',
      'Inbjuden (19)',
      'Registrerad (6)',
      'Under beredning (0)',
      'Besvarad (6)',
      'Avstått (0)',
      'Stängd utan svar (0)',
    ]);
    // Sorted by svarsdatum: the demo remiss (2025-05-15) first, then KS2026/1, nine days late.
    const [forsta, andra] = await rows();
    expect(forsta[0]).toContain('Förslag till policy för digital omställning');
    expect(forsta[3]).toContain('senast 2025-05-15 kl. 23.59');
    expect(forsta[3]).toContain(`Försenad ${daysBetween('2025-05-15', idag)} dagar`);
    expect(forsta[4]).toBe('Inbjuden');
    expect(andra[1]).toBe('KS2026/1');
    expect(andra[2]).toBe('UN2026/901');
    expect(andra[3]).toContain(`senast ${addDays(idag, -9)} kl. 23.59`);
    expect(andra[3]).toContain('Försenad 9 dagar');
    expect(await page.$eval('th[aria-sort="ascending"]', (th) => th.textContent!.trim())).toMatch(/^Svarsdatum/);
    await expectAccessible(page, 'inkorg, first page', konsol);
  });

  it('filters by status, försenad and text, and says so when nothing matches', async () => {
    await page.select('#status', 'registrerad');
    await clickButton(page, 'Filtrera');
    expect(new URL(page.url()).searchParams.get('status')).toBe('registrerad');
    const registrerade = await rows();
    expect(registrerade).toHaveLength(6);
    expect(registrerade.every((r) => r[4] === 'Registrerad')).toBe(true);
    await expectAccessible(page, 'inkorg, filtered by status', konsol);

    await page.select('#status', '');
    await page.select('#forsenad', 'true');
    await clickButton(page, 'Filtrera');
    const forsenade = await rows();
    // The demo remiss and g = 1…9 except the besvarad g = 5 and g = 2 with its anstånd.
    expect(forsenade).toHaveLength(8);
    expect(forsenade.every((r) => /Försenad \d+ dag/.test(r[3]))).toBe(true);

    await page.select('#forsenad', '');
    await page.type('#q', 'Översiktsplan');
    await clickButton(page, 'Filtrera');
    const sokta = await rows();
    expect(sokta.length).toBeGreaterThan(0);
    expect(sokta.every((r) => r[0].includes('Översiktsplan'))).toBe(true);
    await expectAccessible(page, 'inkorg, searched', konsol);

    await page.$eval('#q', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#q', 'finns inte i någon remiss');
    await clickButton(page, 'Filtrera');
    expect(await mainText(page)).toContain('Inga remisser i inkorgen stämmer med filtret.');
    await expectAccessible(page, 'inkorg, nothing matches', konsol);
    await clickLink('Rensa filter');
    expect(page.url()).toBe(`${t.url}/inkorg`);
  });

  it('sorts by a column header both ways and pages with Swedish pagination', async () => {
    await clickLink('Ärende');
    expect(await page.$eval('th[aria-sort="ascending"]', (th) => th.textContent!.trim())).toMatch(/^Ärende/);
    const upp = (await rows()).map((r) => r[0].split('\n')[0]);
    expect(upp).toEqual([...upp].sort((a, b) => a.localeCompare(b, 'sv')));
    await clickLink('Ärende ▲');
    expect(await page.$eval('th[aria-sort="descending"]', (th) => th.textContent!.trim())).toMatch(/^Ärende/);
    const ned = (await rows()).map((r) => r[0].split('\n')[0]);
    expect(ned).toEqual([...ned].sort((a, b) => b.localeCompare(a, 'sv')));
    await expectAccessible(page, 'inkorg, sorted descending', konsol);

    const nav = await page.$eval('nav.govuk-pagination', (n) => [
      n.getAttribute('aria-label'),
      (n as unknown as { innerText: string }).innerText,
    ]);
    expect(nav[0]).toBe('Sidnumrering');
    expect(nav[1]).toContain('Nästa');
    await clickLink('Nästa sida');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('arendemening');
    expect(await mainText(page)).toContain('Visar 26–31 av 31 remisser.');
    expect(await rows()).toHaveLength(6);
    expect(await page.$eval('.govuk-pagination [aria-current="page"]', (a) => a.getAttribute('aria-label'))).toBe(
      'Sida 2 av 2',
    );
    await expectAccessible(page, 'inkorg, page 2', konsol);
  });

  it('shows the remiss as received, a page of its handling to copy from, and its PDF', async () => {
    await page.goto(`${t.url}/inkorg`);
    await clickLink('Förslag till policy för digital omställning');
    expect(path()).toBe(`/inkorg/${demo.instanser.UN}`);
    const text = await mainText(page);
    for (const del of [
      'Remiss från Kommunstyrelsen, Enköpings kommun',
      'Enköpings kommun, Kommunstyrelsen',
      'KS2025/118',
      'Inte registrerad ännu',
      'senast 2025-05-15 kl. 23.59',
      'önskar synpunkter från nämnderna',
      'Karin Lind',
      'remissansvarig@enkoping.demo',
      '0171-62 50 00',
      'PDF, 6 sidor',
      'Frågor från avsändaren',
    ])
      expect(text).toContain(del);
    expect(await page.$$eval('ol li', (lis) => lis.map((li) => li.textContent))).toEqual([
      'Är inriktningen rimlig?',
      'Vad saknas i förslaget?',
    ]);
    await expectAccessible(page, 'instans, inbjuden', konsol);

    await clickLink('Läs texten sida för sida i Förslag till policy för digital omställning');
    expect(await page.$eval('#sida-5', (h) => h.textContent)).toBe('Sida 5');
    const sida5 = await page.$eval('section[aria-labelledby="sida-5"] .rp-sidtext', (d) => d.textContent);
    expect(sida5).toBe(POLICY_SIDOR[4]);
    const lank = await page.$eval('::-p-xpath(//a[normalize-space()="Öppna sidan 5 i PDF:en"])', (a) =>
      a.getAttribute('href'),
    );
    expect(lank).toMatch(new RegExp(`/inkorg/${demo.instanser.UN}/handlingar/${demo.remisshandlingId}/pdf#page=5$`));
    await expectAccessible(page, 'handling, page texts', konsol);

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pdf = await fetch(`${t.url}${lank!.replace(/#.*$/, '')}`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''policy.pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
  });

  it('registers the remiss with the keyboard only, refusing an empty choice first', async () => {
    await page.goto(`${t.url}/inkorg/${demo.instanser.UN}`);
    await tabTo('Registrera');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(path()).toBe(`/inkorg/${demo.instanser.UN}/registrera`);
    await expectAccessible(page, 'registrera, empty', konsol);

    await tabTo('Registrera');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.title()).toBe('Fel: Registrera remissen – Remissplattformen');
    expect(await page.$eval('#satt-error', (e) => e.textContent)).toContain('Välj om remissen ska få');
    await expectAccessible(page, 'registrera, nothing chosen', konsol);

    // The error summary has focus; Tab reaches its link, then the radios.
    await tabTo('satt');
    await page.keyboard.press('Space');
    expect(await page.$eval('#satt', (e) => (e as unknown as { checked: boolean }).checked)).toBe(true);
    await tabTo('Registrera');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(path()).toBe(`/inkorg/${demo.instanser.UN}`);
    const [{ dnr }] = await sql(t.db.url, `SELECT mottagare_diarienummer AS dnr FROM remissinstans WHERE id = $1`, [
      demo.instanser.UN,
    ]);
    expect(dnr).toMatch(/^UN\d{4}\/\d+$/);
    const text = await mainText(page);
    expect(text).toContain(`Remissen är registrerad som ${dnr}`);
    expect(text).toContain('Registrerad');
    expect(text).toContain('Skriv svar');
    expect(await page.$('a[href$="/registrera"]')).toBeNull();
    await expectAccessible(page, 'instans, registrerad', konsol);
  });

  it('refuses a dnr that is not one of the diarium beside its field', async () => {
    await page.goto(`${t.url}/inkorg?q=KS2026%2F2`);
    await clickLink('Översiktsplan 2');
    const text = await mainText(page);
    expect(text).toContain(`senast ${addDays(idag, 20)} kl. 23.59`);
    expect(text).toContain(
      `Anstånd till ${addDays(idag, 20)} (remissens svarsdatum är ${addDays(idag, -8)}). Skäl: ${ANSTAND}`,
    );
    expect(text).not.toContain('Försenad');
    await expectAccessible(page, 'instans with anstånd', konsol);
    await clickLink('Registrera');
    await page.click('#satt-2');
    await page.type('#diarienummer', 'inte-ett-dnr');
    await clickButton(page, 'Registrera');
    expect(await page.$eval('#diarienummer-error', (e) => e.textContent)).toMatch(/Skriv ett diarienummer i/);
    expect(await page.$eval('#diarienummer', (e) => (e as unknown as { value: string }).value)).toBe('inte-ett-dnr');
    expect(await page.$$eval('.govuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#diarienummer',
    ]);
    expect(await page.$('#satt-error')).toBeNull();
    await expectAccessible(page, 'registrera, wrong dnr', konsol);
  });

  it('declines another remiss: a reason and the confirmation are required, then it shows Avstått', async () => {
    await page.goto(`${t.url}/inkorg?q=KS2026%2F7`);
    await clickLink('Kulturpolitiskt program 7');
    const instansId = path().split('/')[2];
    await clickLink('Avstå');
    expect(await page.title()).toBe('Avstå från att svara – Remissplattformen');
    await expectAccessible(page, 'avstå, empty', konsol);

    await clickButton(page, 'Avstå och skicka brevet');
    const summary = await page.$$eval('.govuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')));
    expect(summary.sort()).toEqual(['#bekraftelse', '#motivering']);
    expect(await page.$eval('#motivering-error', (e) => e.textContent)).toContain('Skriv varför nämnden avstår');
    expect((await sql(t.db.url, `SELECT status FROM remissinstans WHERE id = $1`, [instansId]))[0].status).toBe(
      'inbjuden',
    );
    await expectAccessible(page, 'avstå, errors', konsol);

    await page.type('#motivering', 'Ärendet berör inte nämndens verksamhet.');
    await page.click('#bekraftelse');
    await clickButton(page, 'Avstå och skicka brevet');
    expect(path()).toBe(`/inkorg/${instansId}`);
    const text = await mainText(page);
    expect(text).toContain('Nämnden avstår från att svara');
    expect(text).toContain('Avstått');
    expect(await page.$('a[href$="/avsta"]')).toBeNull();
    const [rad] = await sql(
      t.db.url,
      `SELECT i.status, s.typ, s.status AS svar, s.inledning FROM remissinstans i JOIN remissvar s ON s.remissinstans_id = i.id WHERE i.id = $1`,
      [instansId],
    );
    expect(rad).toEqual({
      status: 'avstar',
      typ: 'avstar',
      svar: 'expedierat',
      inledning: 'Ärendet berör inte nämndens verksamhet.',
    });
    await expectAccessible(page, 'instans, avstått', konsol);
  });
});
