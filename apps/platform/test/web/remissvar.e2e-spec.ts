import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { Browser, BrowserContext, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/** Sentences of the policy's page 5 and 6 (libs/svar/src/testing/policy-fixture.ts). */
const PA_SIDAN_6 = 'Policyn följs upp årligen av kommunstyrelsen.';
const INVANDNING = 'Nämnden saknar en beskrivning av hur IT-avdelningen ska stödja verksamheterna.';
const CITATSYNPUNKT = 'Uppföljningen bör ske i samråd med nämnderna.';
const OVRIGT = 'Nämnden vill bli kontaktad när policyn revideras.';

/** The nämnd's whole answer through the pages only, in a real Chromium; every state checked with axe-core and html-validate. */
describe('the remissvar editor, beslut and expediering (Chromium)', () => {
  let t: TestApp;
  let demo: DemoRemiss;
  let browser: Browser;
  const sessioner: { context: BrowserContext; page: Page; konsol: string[] }[] = [];
  let handlaggare: Page;
  let sekreterare: Page;
  let konsolH: string[];
  let konsolS: string[];
  let editor: string;

  const value = (page: Page, selector: string) =>
    page.$eval(selector, (e) => (e as unknown as { value: string }).value);
  const setValue = async (page: Page, selector: string, text: string) => {
    await page.$eval(selector, (e) => ((e as unknown as { value: string }).value = ''));
    await page.type(selector, text);
  };
  const synpunktRader = async () =>
    (
      await sql(
        t.db.url,
        `SELECT s.id, s.text FROM synpunkt s JOIN remissvar r ON r.id = s.remissvar_id
          WHERE r.remissinstans_id = $1 ORDER BY s.ordning`,
        [demo.instanser.UN],
      )
    ).map((r) => ({ id: r.id as string, text: r.text as string }));
  /** The bytes behind a link of the page, fetched with the page's session. */
  const hamta = async (page: Page, href: string) => {
    const svar = await page.evaluate(async (u) => {
      const res = await fetch(u);
      return {
        status: res.status,
        typ: res.headers.get('content-type'),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href);
    return { ...svar, data: Buffer.from(svar.bytes) };
  };

  async function signIn(epost: string) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const konsol = watchConsole(page);
    sessioner.push({ context, page, konsol });
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', epost);
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    return { page, konsol };
  }

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    demo = await demoRemissMedHandling(t.db.url);
    await sql(t.db.url, `UPDATE remiss SET fragor = $2::jsonb WHERE id = $1`, [
      demo.remissId,
      JSON.stringify([{ nummer: 1, text: 'Är inriktningen rimlig?' }]),
    ]);
    editor = `${t.url}/inkorg/${demo.instanser.UN}/svar`;
    browser = await startBrowser();
    ({ page: handlaggare, konsol: konsolH } = await signIn('un.handlaggare@enkoping.demo'));
    ({ page: sekreterare, konsol: konsolS } = await signIn('un.sekreterare@enkoping.demo'));
    // The story starts in the inkorg, as the nämndsekreterare's does: from sign-in to the sent PDF only pages.
    expect(new URL(sekreterare.url()).pathname).toBe('/inkorg');
    await Promise.all([sekreterare.waitForNavigation(), sekreterare.click(`a[href="/inkorg/${demo.instanser.UN}"]`)]);
    await Promise.all([sekreterare.waitForNavigation(), sekreterare.click('a[href$="/registrera"]')]);
    await sekreterare.click('#satt-2');
    await sekreterare.type('#diarienummer', 'UN2025/412');
    await clickButton(sekreterare, 'Registrera');
    expect(await mainText(sekreterare)).toContain('Remissen är registrerad som UN2025/412');
  });
  afterAll(async () => {
    for (const s of sessioner) await s.context.close();
    await browser?.close();
    await t?.close();
  });

  it('asks for registrering before an answer to a remiss not yet registered', async () => {
    const { page, konsol } = await signIn('sn.sekreterare@enkoping.demo');
    await page.goto(`${t.url}/inkorg/${demo.instanser.SN}/svar`);
    expect(await mainText(page)).toContain('Remissen är inte registrerad hos er ännu.');
    expect(await page.$('form[action$="/svar"]')).toBeNull();
    await expectAccessible(page, 'editor, instans not registered', konsol);
  });

  it('writes an answer with two synpunkter; a quote on another page is refused at its field with the page it is on', async () => {
    await handlaggare.goto(editor);
    expect(await handlaggare.title()).toBe('Svar på remissen – Remissplattformen');
    expect(await mainText(handlaggare)).toContain('Svaret har inga synpunkter ännu.');
    await expectAccessible(handlaggare, 'editor, no answer yet', konsolH);

    await handlaggare.type('#inledning', 'Utbildningsnämnden har tagit del av förslaget.');
    await clickButton(handlaggare, 'Lägg till synpunkt');
    expect(await mainText(handlaggare)).toContain('Svaret är sparat');
    await handlaggare.click('#synpunkter-0-typ-2'); // invändning
    await handlaggare.type('#synpunkter-0-text', INVANDNING);
    await expectAccessible(handlaggare, 'editor, a new synpunkt', konsolH);
    await clickButton(handlaggare, 'Lägg till synpunkt');
    await handlaggare.click('#synpunkter-1-typ-4'); // övrigt
    await handlaggare.type('#synpunkter-1-text', CITATSYNPUNKT);
    await handlaggare.select('#synpunkter-1-remisshandlingId', demo.remisshandlingId);
    await handlaggare.type('#synpunkter-1-sida', 'fem');
    await handlaggare.type('#synpunkter-1-citat', PA_SIDAN_6);
    await clickButton(handlaggare, 'Spara');
    expect(await handlaggare.$eval('#synpunkter-1-sida-error', (e) => e.textContent)).toContain(
      'Skriv sidans nummer med siffror',
    );
    await expectAccessible(handlaggare, 'editor, a page number in words', konsolH);
    await setValue(handlaggare, '#synpunkter-1-sida', '5');
    await clickButton(handlaggare, 'Spara');

    expect(await handlaggare.title()).toBe('Fel: Svar på remissen – Remissplattformen');
    expect(await handlaggare.$eval('#synpunkter-1-citat-error', (e) => e.textContent)).toContain(
      'Citatet finns på sidan 6, inte på sidan 5',
    );
    const lank = await handlaggare.$$eval('.govuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')));
    expect(lank).toEqual(['#synpunkter-1-citat']);
    // What was typed stays, and nothing of it was stored.
    expect(await value(handlaggare, '#synpunkter-1-citat')).toBe(PA_SIDAN_6);
    expect(await synpunktRader()).toEqual([{ id: expect.any(String), text: INVANDNING }]);
    await expectAccessible(handlaggare, 'editor, quote on another page', konsolH);
    // The refused synpunkt from its heading to the quote's error (docs/skarmbilder/svar-editor-fel.png).
    await handlaggare.setViewport({ width: 1100, height: 900 });
    await handlaggare.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    );
    const ruta = (await (await handlaggare.$('#synpunkt-2'))!.boundingBox())!;
    const fel = (await (await handlaggare.$('#synpunkter-1-citat'))!.boundingBox())!;
    await handlaggare.screenshot({
      path: '/tmp/svar-editor-fel.png',
      captureBeyondViewport: true,
      clip: { x: 0, y: ruta.y - 24, width: 1100, height: fel.y + fel.height + 24 - (ruta.y - 24) },
    });

    await setValue(handlaggare, '#synpunkter-1-sida', '6');
    await clickButton(handlaggare, 'Spara');
    expect(await mainText(handlaggare)).toContain('Svaret är sparat');
    const rader = await synpunktRader();
    expect(rader.map((r) => r.text)).toEqual([INVANDNING, CITATSYNPUNKT]);
    expect(await value(handlaggare, '#synpunkter-1-citat')).toBe(PA_SIDAN_6);
    await expectAccessible(handlaggare, 'editor, saved', konsolH);
  });

  it('reorders and removes synpunkter, keeping each one its id', async () => {
    await clickButton(handlaggare, 'Lägg till synpunkt');
    await handlaggare.click('#synpunkter-2-typ-4');
    await handlaggare.type('#synpunkter-2-text', OVRIGT);
    await clickButton(handlaggare, 'Spara');
    const [a, b, c] = await synpunktRader();
    expect(c.text).toBe(OVRIGT);

    await clickButton(handlaggare, 'Flytta upp synpunkt 3');
    expect((await synpunktRader()).map((r) => r.id)).toEqual([a.id, c.id, b.id]);
    expect(await value(handlaggare, '#synpunkter-1-text')).toBe(OVRIGT);
    await clickButton(handlaggare, 'Flytta ned synpunkt 1');
    expect((await synpunktRader()).map((r) => r.id)).toEqual([c.id, a.id, b.id]);
    await clickButton(handlaggare, 'Ta bort synpunkt 2');
    expect(await synpunktRader()).toEqual([c, b]);
    expect(await mainText(handlaggare)).not.toContain(INVANDNING);
    await expectAccessible(handlaggare, 'editor, after a removal', konsolH);
  });

  it('answers the fråga and takes a position', async () => {
    expect(await mainText(handlaggare)).toContain('Fråga 1: Är inriktningen rimlig?');
    await handlaggare.type('#fragesvar-0-text', 'Ja, i huvudsak.');
    await handlaggare.click('#stallning-2'); // tillstyrker med ändringar
    await clickButton(handlaggare, 'Spara');
    const [svar] = await sql(t.db.url, `SELECT stallning, fragesvar FROM remissvar WHERE remissinstans_id = $1`, [
      demo.instanser.UN,
    ]);
    expect(svar).toEqual({
      stallning: 'tillstyrker_med_andringar',
      fragesvar: [{ fraga: 1, text: 'Ja, i huvudsak.' }],
    });
    expect(await value(handlaggare, '#fragesvar-0-text')).toBe('Ja, i huvudsak.');
  });

  it('shows a stale save what the other changed, keeps what was typed, and saves on top when asked again', async () => {
    await sekreterare.goto(editor);
    await setValue(sekreterare, '#inledning', 'Utbildningsnämnden välkomnar förslaget.');
    await clickButton(sekreterare, 'Spara');
    expect(await mainText(sekreterare)).toContain('Svaret är sparat');

    // The handläggare's page is still the version before.
    await handlaggare.type('#avslutning', 'Nämnden ser fram emot fortsatt dialog.');
    await clickButton(handlaggare, 'Spara');
    const text = await mainText(handlaggare);
    expect(text).toContain('Någon annan har sparat svaret medan du skrev');
    expect(text).toMatch(/Version \d+, Anna Berg, \d{4}-\d{2}-\d{2} kl\. \d{2}\.\d{2}: Inledning ändrad/);
    expect(await value(handlaggare, '#avslutning')).toBe('Nämnden ser fram emot fortsatt dialog.');
    const [fore] = await sql(t.db.url, `SELECT avslutning, inledning FROM remissvar WHERE remissinstans_id = $1`, [
      demo.instanser.UN,
    ]);
    expect(fore).toEqual({ avslutning: '', inledning: 'Utbildningsnämnden välkomnar förslaget.' });
    await expectAccessible(handlaggare, 'editor, stale save', konsolH);

    await clickButton(handlaggare, 'Spara');
    expect(await mainText(handlaggare)).toContain('Svaret är sparat');
    const [efter] = await sql(t.db.url, `SELECT avslutning FROM remissvar WHERE remissinstans_id = $1`, [
      demo.instanser.UN,
    ]);
    expect(efter.avslutning).toBe('Nämnden ser fram emot fortsatt dialog.');
    await handlaggare.setViewport({ width: 1100, height: 1700 });
    await handlaggare.screenshot({ path: '/tmp/svar-editor.png' });
  });

  it('lists the versions with who, when and what changed, and shows each one as it was', async () => {
    await handlaggare.goto(`${editor}/historik`);
    const rader = await handlaggare.$$eval('tbody tr', (trs) =>
      trs.map((tr) => (tr as unknown as { innerText: string }).innerText),
    );
    const [{ n }] = await sql(
      t.db.url,
      `SELECT count(*)::int AS n FROM remissvar_revision v JOIN remissvar r ON r.id = v.remissvar_id WHERE r.remissinstans_id = $1`,
      [demo.instanser.UN],
    );
    expect(rader).toHaveLength(n);
    expect(rader.at(-1)).toMatch(/Version 1\tErik Holm\t\d{4}-\d{2}-\d{2} kl\. \d{2}\.\d{2}\tUtkast skapat\./);
    expect(rader.join('\n')).toContain('Anna Berg');
    await expectAccessible(handlaggare, 'history', konsolH);

    await Promise.all([handlaggare.waitForNavigation(), handlaggare.click('a[href$="/historik/2"]')]);
    expect(await handlaggare.title()).toBe('Version 2 av svaret – Remissplattformen');
    expect(await mainText(handlaggare)).toContain(INVANDNING);
    await expectAccessible(handlaggare, 'one revision', konsolH);
  });

  it('previews the answer as PDF and sends it för beslut', async () => {
    const pdf = await hamta(handlaggare, `${editor}/forhandsvisning`);
    expect([pdf.status, pdf.typ]).toEqual([200, 'application/pdf']);
    expect(await pdfText(pdf.data)).toContain('Uppföljningen bör ske i samråd');

    await handlaggare.goto(`${editor}/for-beslut`);
    await expectAccessible(handlaggare, 'för beslut, confirm', konsolH);
    await clickButton(handlaggare, 'Skicka för beslut');
    expect(await mainText(handlaggare)).toContain('Svaret ligger nu för beslut');
    expect(await mainText(handlaggare)).toContain('för beslut');
  });

  it('refuses a beslut dated in the future at its field, records the beslut and expedierar the answer', async () => {
    await sekreterare.goto(`${editor}/beslut`);
    await expectAccessible(sekreterare, 'beslut, empty', konsolS);
    const imorgon = new Date(Date.now() + 36 * 3600_000);
    const [ar, manad, dag] = stockholmDatum(imorgon).split('-');
    await sekreterare.click('#typ');
    await sekreterare.type('#sammantradesdatum', dag);
    await sekreterare.type('#sammantradesdatum-manad', manad);
    await sekreterare.type('#sammantradesdatum-ar', ar);
    await sekreterare.type('#paragraf', '§ 45');
    await clickButton(sekreterare, 'Registrera beslutet');
    expect(await sekreterare.$eval('#sammantradesdatum-datum-error', (e) => e.textContent)).toMatch(
      /kan inte vara senare än i dag/,
    );
    expect(await value(sekreterare, '#paragraf')).toBe('§ 45');
    await expectAccessible(sekreterare, 'beslut, future date', konsolS);

    const [iAr, iManad, iDag] = stockholmDatum(new Date()).split('-');
    await setValue(sekreterare, '#sammantradesdatum', iDag);
    await setValue(sekreterare, '#sammantradesdatum-manad', iManad);
    await setValue(sekreterare, '#sammantradesdatum-ar', iAr);
    await clickButton(sekreterare, 'Registrera beslutet');
    expect(new URL(sekreterare.url()).pathname).toBe(`/inkorg/${demo.instanser.UN}/svar/expediera`);
    const sammanfattning = await mainText(sekreterare);
    expect(sammanfattning).toContain('Beslutet är registrerat');
    expect(sammanfattning).toContain(`Nämndbeslut ${iAr}-${iManad}-${iDag}, § 45`);
    expect(sammanfattning).toMatch(/Antal synpunkter\s+2/);
    expect(sammanfattning).toContain('tillstyrker med ändringar');
    expect(sammanfattning).toContain('Kommunstyrelsen');
    await expectAccessible(sekreterare, 'expediera, summary', konsolS);

    await clickButton(sekreterare, 'Expediera svaret');
    const skickat = await mainText(sekreterare);
    expect(skickat).toContain('Svaret är expedierat');
    expect(skickat).toMatch(/Diarienummer UN2025\/412, handling \d+/);
    await expectAccessible(sekreterare, 'expedierat', konsolS);
    const href = await sekreterare.$eval('a[href$="/svar/pdf"]', (a) => a.getAttribute('href')!);
    const pdf = await hamta(sekreterare, href);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.data);
    expect(text).toContain('Nämnden vill bli kontaktad');
    expect(text).toContain('Uppföljningen bör ske i samråd');
  });
});
