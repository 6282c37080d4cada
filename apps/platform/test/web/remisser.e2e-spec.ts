import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { tidigasteSvarsdatum } from '@app/remiss';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import {
  bannerText,
  chooseFile,
  clickButton,
  clickLink,
  expectAccessible,
  mainText,
  startBrowser,
  watchConsole,
} from '@app/web/testing/webblasare';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const ARENDEMENING = 'Remiss av förslag till avfallsplan 2027–2030';

/**
 * The remissansvarig's story through the pages only, in a real Chromium: a new utkast whose
 * svarsdatum is refused with the next valid date offered, recipients (an enhet, a pasted list with
 * one bad line reported, a sändlista saved and used), a PDF uploaded (its page count shown), the
 * missiv previewed (its PDF text read), the summary with the reminder dates, the send, and the
 * nämnd's invitation received. Every state is checked with axe-core and html-validate.
 */
describe('the remissansvarig: a remiss from utkast to sent (Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let remissId: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    browser = await startBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.stop();
  });

  const path = () => new URL(page.url()).pathname;
  async function fill(selector: string, text: string) {
    await page.$eval(selector, (e) => ((e as unknown as { value: string }).value = ''));
    await page.type(selector, text);
  }
  /** For looking at the page (docs/skarmbilder holds the chosen ones): 1100 px wide, the whole page. */
  async function screenshot(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true });
  }
  /** A file the page serves, fetched with the browser's session. */
  async function fetchFile(href: string): Promise<{ type: string | null; data: Buffer }> {
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const svar = await fetch(`${t.url}${href}`, { headers: { cookie } });
    return { type: svar.headers.get('content-type'), data: Buffer.from(await svar.arrayBuffer()) };
  }

  it('signs in to the remisser list and starts a new remiss', async () => {
    await page.goto(`${t.url}/logga-in?tillbaka=%2Fremisser`);
    await page.type('#epost', 'remissansvarig@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    expect(path()).toBe('/remisser');
    const text = await mainText(page);
    expect(text).toContain('Förslag till policy för digital omställning');
    expect(text).toContain('0 av 5');
    await expectAccessible(page, 'remisser, the list', konsol);
    await screenshot('remisser-lista');

    await clickLink(page, 'Ny remiss');
    expect(path()).toBe('/remisser/ny');
    expect(await mainText(page)).toMatch(/i formatet KS\d{4}\/118/);
    await expectAccessible(page, 'new remiss, empty form', konsol);
  });

  it('refuses a svarsdatum too soon and offers the next valid date, then saves the utkast', async () => {
    const idag = stockholmDatum(new Date());
    const nasta = tidigasteSvarsdatum(idag, 15);
    await page.type('#arendemening', ARENDEMENING);
    await fill('#svarsdatum', idag);
    await page.type('#missiv', 'Kommunstyrelsen önskar synpunkter på förslaget till avfallsplan.');
    await page.type('#fragor', 'Är målen rimliga?\nVad saknas i förslaget?');
    await clickButton(page, 'Spara och välj mottagare');
    expect(path()).toBe('/remisser/ny');
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent)).toContain(
      `Närmaste möjliga svarsdatum är ${nasta}.`,
    );
    expect(await page.$eval('#svarsdatum', (e) => (e as unknown as { value: string }).value)).toBe(nasta);
    expect(await page.$eval('#arendemening', (e) => (e as unknown as { value: string }).value)).toBe(ARENDEMENING);
    await expectAccessible(page, 'new remiss, svarsdatum refused', konsol);

    await clickButton(page, 'Spara och välj mottagare');
    expect(path()).toMatch(/^\/remisser\/[0-9a-f-]{36}\/mottagare$/);
    remissId = path().split('/')[2];
    expect(await bannerText(page)).toMatch(/Utkastet är sparat som KS\d{4}\/\d+/);
    const [rad] = await sql(t.db.url, `SELECT svarsdatum::text, fragor FROM remiss WHERE id = $1`, [remissId]);
    expect(rad.svarsdatum).toBe(nasta);
    expect(rad.fragor).toHaveLength(2);
    await expectAccessible(page, 'mottagare, none yet', konsol);
  });

  it('takes an enhet and a pasted list, reporting the line it refused and why', async () => {
    const un = await page.$$eval(
      'label',
      (ls) => ls.find((l) => l.textContent!.trim() === 'Utbildningsnämnden')!.htmlFor,
    );
    await page.click(`#${un}`);
    await clickButton(page, 'Spara valet av enheter');
    expect(await bannerText(page)).toContain('1 mottagare tillagda');

    await page.type(
      '#text',
      'Region Uppsala <registrator@regionuppsala.se>\nHeby kommun;kommun@heby.se\nKnivsta kommun',
    );
    await clickButton(page, 'Lägg till från listan');
    expect(await bannerText(page)).toContain('2 mottagare från listan är tillagda');
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent)).toContain(
      'Rad 3 (”Knivsta kommun”) lades inte till: raden saknar e-postadress.',
    );
    // The refused line stays in the field to be corrected.
    expect(await page.$eval('#text', (e) => (e as unknown as { value: string }).value)).toBe('Knivsta kommun');
    const mottagare = await page.$$eval('table.rp-mottagare tbody tr', (trs) => trs.map((tr) => tr.textContent!));
    expect(mottagare).toHaveLength(3);
    expect(mottagare.join()).toContain('Personlig länk till registrator@regionuppsala.se');
    await expectAccessible(page, 'mottagare, a pasted list with a refused line', konsol);
  });

  it('saves the recipients as a sändlista and uses it again', async () => {
    await page.type('#namn', 'Länets kommuner');
    await clickButton(page, 'Spara sändlistan');
    expect(await bannerText(page)).toContain('Sändlistan Länets kommuner är sparad');

    await clickButton(page, 'Ta bort Heby kommun');
    expect(await bannerText(page)).toContain('Mottagaren är borttagen');
    const tabell = () => page.$eval('table.rp-mottagare', (e) => e.textContent!);
    expect(await tabell()).not.toContain('kommun@heby.se');

    await page.select('#sandlistaId', (await sql(t.db.url, `SELECT id FROM sandlista`))[0].id);
    await clickButton(page, 'Lägg till sändlistans mottagare');
    expect(await bannerText(page)).toContain('1 mottagare från sändlistan är tillagda');
    expect(await bannerText(page)).toContain('2 mottagare fanns redan bland mottagarna.');
    expect(await tabell()).toContain('kommun@heby.se');
    await expectAccessible(page, 'mottagare, a sändlista used', konsol);
  });

  it('uploads a PDF, shows its pages, and previews the missiv as a PDF', async () => {
    await clickLink(page, 'Fortsätt till handlingarna');
    await expectAccessible(page, 'handlingar, none yet', konsol);
    const fil = join(tmpdir(), `avfallsplan-${process.pid}.pdf`);
    writeFileSync(fil, await pdfMedSidor([['Avfallsplan 2027'], ['Mål och åtgärder'], ['Uppföljning']]));
    await page.type('#titel', 'Förslag till avfallsplan');
    await chooseFile(page, '#fil', fil);
    await clickButton(page, 'Ladda upp');
    expect(await bannerText(page)).toContain('Förslag till avfallsplan är uppladdad');
    expect(await bannerText(page)).toContain('Handlingen har 3 sidor.');
    expect(await page.$eval('table.rp-handlingar', (e) => e.textContent)).toContain('3 sidor');
    await expectAccessible(page, 'handlingar, one uploaded', konsol);

    // A forged upload: without the session's token as the body's first part nothing is read or stored.
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = await page.$eval('input[name="_csrf"]', (e) => (e as unknown as { value: string }).value);
    for (const efterFilen of [false, true]) {
      const form = new FormData();
      form.append('atgard', 'ladda-upp');
      form.append('fil', new Blob([await pdfMedSidor([['Förfalskad']])], { type: 'application/pdf' }), 'x.pdf');
      // The token after the file is too late: it is refused as no token.
      if (efterFilen) form.append('_csrf', csrf);
      const svar = await fetch(`${t.url}/remisser/${remissId}/handlingar`, {
        method: 'POST',
        body: form,
        headers: { cookie, origin: t.url },
        redirect: 'manual',
      });
      expect(svar.status).toBe(403);
    }
    expect(await sql(t.db.url, `SELECT titel FROM remisshandling WHERE remiss_id = $1`, [remissId])).toEqual([
      { titel: 'Förslag till avfallsplan' },
    ]);

    const missiv = await fetchFile(`/remisser/${remissId}/missiv`);
    expect(missiv.type).toBe('application/pdf');
    const text = (await pdfText(missiv.data)).replace(/\s+/g, ' ');
    expect(text).toContain('avfallsplan 2027–2030');
    expect(text).toContain('Region Uppsala');
    expect(text).toContain('Utbildningsnämnden');
    expect(text).toContain('Förslag till avfallsplan');
  });

  it('sums up who gets what and when the reminders go, sends, and the nämnd gets its invitation', async () => {
    await clickLink(page, 'Fortsätt till granska och skicka');
    const text = await mainText(page);
    expect(text).toContain('Ärendemeningen börjar med ”Remiss”');
    expect(text).toContain('Alla 3 mottagare får missivet och handlingen.');
    expect(text).toContain('Utbildningsnämnden: i inkorgen på plattformen');
    expect(text).toContain('Heby kommun: e-post med en personlig länk till kommun@heby.se');
    expect(text).toContain('Förslag till avfallsplan (3 sidor)');
    expect(await page.$$eval('.rp-skicka-paminnelser li', (l) => l.length)).toBeGreaterThan(0);
    expect(text).toMatch(/\d{4}-\d\d-\d\d kl\. \d\d\.\d\d: \d+ arbetsdag(ar)? före svarsdatum/);
    await expectAccessible(page, 'skicka, the summary', konsol);
    await screenshot('remiss-skicka');

    await clickButton(page, 'Skicka remissen');
    expect(path()).toBe(`/remisser/${remissId}/status`);
    expect(await bannerText(page)).toMatch(/Remissen KS\d{4}\/\d+ är skickad/);
    expect(await mainText(page)).toContain('Utbildningsnämnden');
    await expectAccessible(page, 'the status page, after sending', konsol);

    const [{ funktionsbrevlada }] = await sql(t.db.url, `SELECT funktionsbrevlada FROM enhet WHERE kortnamn = 'UN'`);
    const deadline = Date.now() + 15_000;
    let inbjudan;
    while (!inbjudan && Date.now() < deadline) {
      inbjudan = sink.received.find((m) => m.to.includes(funktionsbrevlada) && m.subject.includes('avfallsplan'));
      if (!inbjudan) await new Promise((r) => setTimeout(r, 100));
    }
    expect(inbjudan?.subject).toContain(ARENDEMENING);
    const [instans] = await sql(
      t.db.url,
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Utbildningsnämnden'`,
      [remissId],
    );
    expect(inbjudan?.text).toContain(`/inkorg/${instans.id}`);
  });
});
