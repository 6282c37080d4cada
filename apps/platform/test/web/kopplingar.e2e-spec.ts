import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '@app/demo';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
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

/**
 * Connections through the pages, in a real Chromium: Enköping's remissansvarig chooses recipients
 * while Vadstena's admin first has not accepted Enköping's remisser, then accepts them, then stops
 * them again. The mottagare page offers only what the connections allow; a recipient chosen before
 * the connection went stays named, marked, and stops the send; so does one its organisation makes a
 * förvaltning. axe-core on every state.
 */
describe('the mottagare page follows the connections (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let ansvarig: Page;
  let admin: Page;
  let konsol: string[];
  let remissId: string;

  async function loggaIn(page: Page, epost: string) {
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', epost);
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
  }
  /** The directory's organisations, as the legends of its fieldsets read. */
  const organisationer = () =>
    ansvarig.$$eval('fieldset legend', (ls) =>
      ls.map((l) => l.textContent!.trim()).filter((t) => t.includes('kommun')),
    );
  const mottagarrader = () => tableRows(ansvarig, 'table.rp-mottagare');
  const oppnaMottagare = () => ansvarig.goto(`${t.url}/remisser/${remissId}/mottagare`);
  /** For looking at the page: 1100 px wide, the whole page, in the temp folder. */
  const skarmbild = (page: Page, namn: string) =>
    page
      .setViewport({ width: 1100, height: 900 })
      .then(() => page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true }));

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    const ks = await t.as('remissansvarig@enkoping.demo');
    const un = (await ks.get('/api/remissmottagare')).body.find((e: { kortnamn: string }) => e.kortnamn === 'UN');
    remissId = (await remissUtkast(ks, 'Förslag till friluftsplan', [{ enhetId: un.enhetId }])).id;
    browser = await startBrowser();
    ansvarig = await (await browser.createBrowserContext()).newPage();
    admin = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(ansvarig);
    watchConsole(admin).forEach((k) => konsol.push(k));
    await loggaIn(ansvarig, 'remissansvarig@enkoping.demo');
    await loggaIn(admin, 'admin@vadstena.demo');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('offers only the own organisation while no other accepts its remisser', async () => {
    await oppnaMottagare();
    expect(await organisationer()).toEqual(['Enköpings kommun (egen organisation)']);
    expect(await mainText(ansvarig)).not.toContain('Vadstena');
    await expectAccessible(ansvarig, 'mottagare, no connection', konsol);
  });

  it("offers Vadstena's answering enheter once its admin accepts Enköping, and takes one", async () => {
    await admin.goto(`${t.url}/admin/kopplingar`);
    const enkoping = await admin.$$eval('#organisationId option', (os) =>
      os.find((o) => o.textContent!.trim() === 'Enköpings kommun')!.getAttribute('value')!,
    );
    await admin.select('#organisationId', enkoping);
    await clickButton(admin, 'Lägg till');
    expect(await mainText(admin)).toContain('Organisationen får nu skicka remisser till er');
    await expectAccessible(admin, 'kopplingar, Enköping accepted', konsol);

    await oppnaMottagare();
    expect(await organisationer()).toEqual(['Enköpings kommun (egen organisation)', 'Vadstena kommun']);
    const vadstena = await ansvarig.$$eval(
      '::-p-xpath(//fieldset[legend[normalize-space()="Vadstena kommun"]]//label)',
      (ls) => ls.map((l) => l.textContent!.trim()),
    );
    expect(vadstena).toEqual(['Barn- och utbildningsnämnden', 'Kommunstyrelsen']);
    await expectAccessible(ansvarig, 'mottagare, Vadstena connected', konsol);

    const bun = await ansvarig.$$eval(
      'fieldset label',
      (ls) => ls.find((l) => l.textContent!.trim() === 'Barn- och utbildningsnämnden')!.htmlFor,
    );
    await ansvarig.click(`#${bun}`);
    await clickButton(ansvarig, 'Spara valet av enheter');
    expect(await mottagarrader()).toEqual([
      'Utbildningsnämnden I plattformen Ta bort Utbildningsnämnden',
      'Barn- och utbildningsnämnden Vadstena kommun I plattformen Ta bort Barn- och utbildningsnämnden',
    ]);
    await expectAccessible(ansvarig, 'mottagare, a Vadstena enhet chosen', konsol);
  });

  it('keeps the chosen enhet named but marked once the connection is removed, and the summary stops the send', async () => {
    await admin.goto(`${t.url}/admin/kopplingar`);
    await clickButton(admin, 'Ta bort Enköpings kommun');
    expect(await mainText(admin)).toContain('Organisationen kan inte längre skicka nya remisser till er');

    await oppnaMottagare();
    expect(await organisationer()).toEqual(['Enköpings kommun (egen organisation)']);
    expect((await mottagarrader())[1]).toBe(
      'Barn- och utbildningsnämnden Vadstena kommun Nej: Vadstena kommun tar inte längre emot remisser från er. Ta bort enheten innan remissen skickas. Ta bort Barn- och utbildningsnämnden',
    );
    await expectAccessible(ansvarig, 'mottagare, connection removed', konsol);

    await ansvarig.goto(`${t.url}/remisser/${remissId}/skicka`);
    const text = await mainText(ansvarig);
    expect(text).toContain(
      'Vadstena kommun tar inte längre emot remisser från er organisation. Ta bort dess enheter bland mottagarna innan remissen skickas.',
    );
    expect(await ansvarig.$$eval('main button', (bs) => bs.map((b) => b.textContent!.trim()))).not.toContain(
      'Skicka remissen',
    );
    await expectAccessible(ansvarig, 'skicka, stopped by a removed connection', konsol);
  });

  it('marks the chosen enhet once its organisation makes it a förvaltning, and the summary stops the send', async () => {
    await admin.goto(`${t.url}/admin/kopplingar`);
    const enkoping = await admin.$$eval('#organisationId option', (os) =>
      os.find((o) => o.textContent!.trim() === 'Enköpings kommun')!.getAttribute('value')!,
    );
    await admin.select('#organisationId', enkoping);
    await clickButton(admin, 'Lägg till');
    await admin.goto(`${t.url}/admin/enheter`);
    const andra = await admin.$$eval('main a', (as) =>
      as
        .find((a) => a.textContent!.replace(/\s+/g, ' ').trim() === 'Ändra Barn- och utbildningsnämnden')!
        .getAttribute('href')!,
    );
    await admin.goto(`${t.url}${andra}`);
    await admin.click('input[name="typ"][value="forvaltning"]');
    await clickButton(admin, 'Spara');
    expect(await mainText(admin)).not.toContain('Det finns fel');

    await oppnaMottagare();
    expect((await mottagarrader())[1]).toBe(
      'Barn- och utbildningsnämnden Vadstena kommun Nej: enheten är numera en förvaltning och tar inte emot remisser i eget namn. Ta bort den innan remissen skickas. Ta bort Barn- och utbildningsnämnden',
    );
    await expectAccessible(ansvarig, 'mottagare, a chosen enhet made a förvaltning', konsol);
    await skarmbild(ansvarig, 'mottagare-forvaltning');
    // Nor is the list saved as a sändlista, which would carry the enhet on to the next remiss.
    await ansvarig.type('#namn', 'Friluftslivets remissinstanser');
    await clickButton(ansvarig, 'Spara sändlistan');
    expect(await mainText(ansvarig)).toMatch(
      /^Det finns ett problem\s+Vadstena kommun, Barn- och utbildningsnämnden är numera en förvaltning och tar inte emot remisser i eget namn\./,
    );
    await expectAccessible(ansvarig, 'mottagare, sändlista refused for a förvaltning', konsol);
    await skarmbild(ansvarig, 'mottagare-forvaltning-sandlista');

    await ansvarig.goto(`${t.url}/remisser/${remissId}/skicka`);
    expect(await mainText(ansvarig)).toContain(
      'Vadstena kommun, Barn- och utbildningsnämnden är numera en förvaltning och tar inte emot remisser i eget namn. Ta bort den bland mottagarna innan remissen skickas.',
    );
    expect(await ansvarig.$$eval('main button', (bs) => bs.map((b) => b.textContent!.trim()))).not.toContain(
      'Skicka remissen',
    );
    await expectAccessible(ansvarig, 'skicka, stopped by a förvaltning', konsol);
    await skarmbild(ansvarig, 'skicka-forvaltning');
  });
});
