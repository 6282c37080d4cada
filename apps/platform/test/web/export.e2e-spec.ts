import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertArkiveradHandling } from '@app/archive/testing/arkivpaket-granskning';
import { DEMO_PASSWORD } from '@app/demo';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { DataSource } from 'typeorm';
import { PlatformModule } from '../../src/platform.module';

/**
 * The registrator's e-arkiv export through the pages only, in a real Chromium: the order form refused
 * without a diarienummer, then an ärende ordered, followed with "Uppdatera" until its package is
 * built, and the package downloaded. Every state is checked with axe-core and html-validate.
 */
describe('the registrator: e-arkiv export (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let diarienummer: string;

  async function screenshot(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true });
  }

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    const registrator = await t.as('registrator@enkoping.demo');
    const diarier: { id: string; prefix: string }[] = (await registrator.get('/api/diarier')).body;
    const arende = await registrator.post(`/api/diarier/${diarier.find((d) => d.prefix === 'UN')!.id}/arenden`, {
      arendemening: 'Remiss: Förslag till policy för digital omställning',
    });
    diarienummer = arende.body.diarienummer;
    for (const [riktning, datum, beskrivning] of [
      ['inkommande', '2025-02-10', 'Remiss om policy för digital omställning'],
      ['utgaende', '2025-03-20', 'Svar på remiss om policy för digital omställning'],
    ] as const)
      await insertArkiveradHandling(t.app.get(DataSource), {
        arendeId: arende.body.id,
        riktning,
        datum,
        motpart: 'Kommunstyrelsen',
        beskrivning,
        pdfa: await pdfMedSidor([[beskrivning]]),
      });
    browser = await startBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in and finds the export page in the navigation, with no exports yet', async () => {
    await page.goto(`${t.url}/logga-in?tillbaka=${encodeURIComponent('/diarium/export')}`);
    await page.type('#epost', 'registrator@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    // The registrator works at six enheter: the platform asks which first, then goes on to the export page.
    expect(new URL(page.url()).pathname).toBe('/valj-enhet');
    await page.click('input[value]:not([type=hidden])');
    await clickButton(page, 'Fortsätt');
    await page.goto(`${t.url}/diarium/export`);
    expect(new URL(page.url()).pathname).toBe('/diarium/export');
    expect(await page.title()).toBe('E-arkivexport – Remissplattformen');
    const text = await mainText(page);
    expect(text).toContain('FGS Paketstruktur 2.0');
    expect(text).toContain('Inga exporter har beställts än.');
    await expectAccessible(page, 'export page, empty', konsol);
  });

  it('refuses an ärende without its diarienummer, beside the field', async () => {
    await page.select(
      '#diariumId',
      await page.$eval('#diariumId option:nth-child(2)', (o) => (o as unknown as { value: string }).value),
    );
    await clickButton(page, 'Beställ export');
    expect(new URL(page.url()).pathname).toBe('/diarium/export');
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent)).toContain(
      'Skriv ärendets diarienummer, till exempel KS2025/118.',
    );
    expect(await page.$eval('#diarienummer-error', (e) => e.textContent)).toContain('Skriv ärendets diarienummer');
    await expectAccessible(page, 'export page, refused order', konsol);
  });

  it('orders the ärende, follows its progress with Uppdatera, and downloads the finished package', async () => {
    const un = await page.$$eval('#diariumId option', (os) =>
      os.map((o) => ({ value: (o as unknown as { value: string }).value, text: o.textContent ?? '' })),
    );
    await page.select('#diariumId', un.find((o) => o.text.includes('(UN)'))!.value);
    await page.type('#diarienummer', diarienummer);
    await clickButton(page, 'Beställ export');
    expect(new URL(page.url()).pathname).toMatch(/^\/diarium\/export\/[0-9a-f-]{36}$/);
    expect(await mainText(page)).toContain('Exporten är beställd');
    expect(await mainText(page)).toContain(`Export av ärende ${diarienummer}`);
    await expectAccessible(page, 'an export, just ordered', konsol);
    for (let i = 0; i < 100 && !(await mainText(page)).includes('Ladda ner paketet'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      const uppdatera = await page.$('::-p-xpath(//main//a[normalize-space()="Uppdatera"])');
      if (uppdatera) await Promise.all([page.waitForNavigation(), uppdatera.click()]);
    }
    const text = await mainText(page);
    expect(text).toContain('Klar');
    expect(text).toContain('2 av 2 skrivna till paketet');
    await expectAccessible(page, 'an export, built', konsol);
    await screenshot('e-arkivexport');
    const href = await page.$eval('a[download]', (a) => (a as unknown as { href: string }).href);
    const hamtat = await page.evaluate(async (u) => {
      const r = await fetch(u);
      const b = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, typ: r.headers.get('content-type'), borjan: String.fromCharCode(b[0], b[1]) };
    }, href);
    expect(hamtat).toEqual({ status: 200, typ: 'application/zip', borjan: 'PK' });
  });

  it('lists the export as klar on the export page', async () => {
    await page.goto(`${t.url}/diarium/export`);
    const rad = await page.$eval('main table tbody tr', (tr) => (tr as unknown as { innerText: string }).innerText);
    expect(rad).toContain(`Ärende ${diarienummer}`);
    expect(rad).toContain('2 av 2');
    expect(rad).toContain('Klar');
    await expectAccessible(page, 'export page, one export', konsol);
    await screenshot('e-arkivexport-lista');
  });
});
