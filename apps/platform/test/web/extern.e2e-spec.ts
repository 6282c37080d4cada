import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from '@app/database/testing/test-infrastructure';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { remissUtkast, SIDA_5 } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const ARENDEMENING = 'Förslag till policy för digital omställning';

/**
 * An external remissinstans (no account) through its personal link's pages only, in a real
 * Chromium: reads the remiss and a handling's text, answers with the structured form (a wrong
 * quote refused beside its field, saved, continued in another browser, reviewed, sent), gets the
 * kvittens page and mail, then sees what it sent read-only; another declines with the keyboard
 * only; a third uploads a PDF with a Word file; an expired link names the contact person.
 */
describe('external remissinstanser answer through their personal link (Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let konsol: string[];
  let remiss: { id: string; diarienummer: string; handlingId: string };
  let filer: string;

  /** The link's path, from the invitation mail the instans received. */
  const lankFran = async (epost: string) => {
    const deadline = Date.now() + 15_000;
    while (!sink.to(epost).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const token = /https?:\/\/[^\s/]+\/svara\/([A-Za-z0-9_-]{43})(?=\s|$)/m.exec(sink.to(epost)[0].text)![1];
    return `/svara/${token}`;
  };
  const mailTill = async (epost: string, amne: RegExp) => {
    const deadline = Date.now() + 20_000;
    const funnen = () => sink.to(epost).find((m) => amne.test(m.subject));
    while (!funnen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return funnen()!;
  };
  const varde = (selector: string) => page.$eval(selector, (e) => (e as unknown as { value: string }).value);
  const path = () => new URL(page.url()).pathname;
  async function clickLink(text: string) {
    const lank = await page.waitForSelector(`::-p-xpath(//a[normalize-space()="${text}"])`);
    await Promise.all([page.waitForNavigation(), lank!.click()]);
  }
  /** Tabs forward until the focused element satisfies `ar` (what a keyboard user does), at most 80 times. */
  async function tabTo(beskrivning: string, ar: (e: { tagName: string; id: string; textContent: string }) => boolean) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const fokus = await page.evaluate(() => {
        const e = (globalThis as unknown as { document: { activeElement: Record<string, string> } }).document
          .activeElement;
        return { tagName: e.tagName, id: e.id, textContent: (e.textContent ?? '').trim() };
      });
      if (ar(fokus)) return;
    }
    throw new Error(`Tab never reached ${beskrivning}`);
  }
  /** For looking at the page (docs/skarmbilder holds the chosen ones): 1100 px wide, the whole page. */
  async function screenshot(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true });
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    const ks = await t.as('remissansvarig@enkoping.demo');
    remiss = await remissUtkast(ks, ARENDEMENING, [
      { namn: 'Region Uppsala', epost: 'region@example.se' },
      { namn: 'Länsstyrelsen i Uppsala län', epost: 'lst@example.se' },
      { namn: 'Naturskyddsföreningen', epost: 'nf@example.se' },
      { namn: 'Upplandsstiftelsen', epost: 'us@example.se' },
    ]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    browser = await startBrowser();
    filer = mkdtempSync(join(tmpdir(), 'extern-e2e-'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.stop();
    rmSync(filer, { recursive: true, force: true });
  });
  beforeEach(async () => {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    konsol = watchConsole(page);
  });
  afterEach(() => context.close());

  it('answers with the structured form: a wrong quote beside its field, save, come back, send, kvittens, read-only', async () => {
    const lank = await lankFran('region@example.se');
    const [kontakt] = await sql(
      t.db.url,
      `SELECT kontaktperson_namn AS namn, kontaktperson_epost AS epost FROM remiss WHERE id = $1`,
      [remiss.id],
    );

    // The remiss as received: who sends what, by when, whom to ask; the missiv, the frågor, the handlingar.
    await page.goto(`${t.url}${lank}`);
    let text = await mainText(page);
    for (const del of [
      ARENDEMENING,
      remiss.diarienummer,
      'Enköpings kommun, Kommunstyrelsen',
      'Region Uppsala',
      'kl. 23.59',
      kontakt.namn,
      kontakt.epost,
      'Kommunstyrelsen önskar synpunkter på förslaget.',
      'Är inriktningen rimlig?',
      '6 sidor',
    ])
      expect(text).toContain(del);
    await expectAccessible(page, 'link page, open', konsol);
    await screenshot('extern-lank');
    const pdfHref = await page.$eval('a[href$="/pdf"]', (a) => a.getAttribute('href')!);
    const pdf = await fetch(`${t.url}${pdfHref}`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, ' ')).toContain(SIDA_5[1]);
    const missiv = await fetch(`${t.url}${await page.$eval('a[href$="/missiv"]', (a) => a.getAttribute('href')!)}`);
    expect(missiv.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await missiv.arrayBuffer()))).toContain(remiss.diarienummer);

    // Each page's text, to copy a quote from.
    await clickLink(`Läs texten sida för sida: ${ARENDEMENING}`);
    text = await mainText(page);
    expect(text).toMatch(new RegExp(`Sida 5\\s+${SIDA_5[0]}`));
    await expectAccessible(page, 'handling text', konsol);
    const sidlank = await page.$eval('section:has(#sida-5) a', (a) => a.getAttribute('href')!);
    expect(sidlank).toBe(`${pdfHref}#page=5`);
    const inline = await fetch(`${t.url}${pdfHref}`);
    expect(inline.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''policy.pdf");

    await page.goto(`${t.url}${lank}`);
    await clickLink('Börja svara');
    expect(path()).toBe(`${lank}/svar`);
    await expectAccessible(page, 'answer form, empty', konsol);

    await page.type('#kontaktperson-namn', 'Lena Ek');
    await page.type('#diarienummer', 'RS 2025-0042');
    await page.type('#inledning', 'Region Uppsala har tagit del av remissen.');
    await page.select('#synpunkter-0-typ', 'invandning');
    await page.type('#synpunkter-0-rubrik', 'Pilotstudier');
    await page.type('#synpunkter-0-text', 'Regionen delar inte bedömningen; egna piloter behövs.');
    await page.select('#synpunkter-0-remisshandlingId', remiss.handlingId);
    await page.type('#synpunkter-0-sida', '5');
    await page.type('#synpunkter-0-citat', 'Det här står inte i policyn.');
    await clickButton(page, 'Spara utkast');

    // Refused beside its field, with what was typed kept; nothing was saved.
    expect(path()).toBe(`${lank}/svar`);
    expect(await page.title()).toBe('Fel: Svara på remissen – Remissplattformen');
    expect(await page.$eval('#synpunkter-0-citat-error', (e) => e.textContent)).toContain(
      `Citatet finns inte på sidan 5 i ${ARENDEMENING}`,
    );
    expect(await page.$$eval('.govuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#synpunkter-0-citat',
    ]);
    expect(await varde('#synpunkter-0-text')).toBe('Regionen delar inte bedömningen; egna piloter behövs.');
    expect(await varde('#kontaktperson-namn')).toBe('Lena Ek');
    expect(await varde('#synpunkter-0-remisshandlingId')).toBe(remiss.handlingId);
    expect(await sql(t.db.url, `SELECT id FROM remissvar`)).toEqual([]);
    await expectAccessible(page, 'answer form, wrong quote', konsol);

    await page.$eval('#synpunkter-0-citat', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#synpunkter-0-citat', SIDA_5[1]);
    await clickButton(page, 'Spara utkast');
    expect(await mainText(page)).toContain('Utkastet är sparat');
    expect(await varde('#synpunkter-0-citat')).toBe(SIDA_5[1]);
    // A new empty synpunkt waits below the saved one.
    expect(await page.$('#synpunkter-1-text')).not.toBeNull();
    await expectAccessible(page, 'answer form, saved', konsol);
    await screenshot('extern-svar');

    // Another day, another browser: the same link continues the draft.
    await context.close();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    konsol = watchConsole(page);
    await page.goto(`${t.url}${lank}`);
    expect(await mainText(page)).toContain('Ni har ett påbörjat svar');
    await clickLink('Fortsätt med svaret');
    expect(await varde('#synpunkter-0-citat')).toBe(SIDA_5[1]);
    expect(await varde('#diarienummer')).toBe('RS 2025-0042');

    // Sending needs someone to send the kvittens to: the refusal links to the field on the form.
    await clickButton(page, 'Granska och skicka');
    await clickButton(page, 'Skicka svaret');
    expect(path()).toBe(`${lank}/svar/skicka`);
    expect(
      await page.$$eval('.govuk-error-summary a', (as) =>
        as.map((a) => [a.textContent!.trim(), a.getAttribute('href')]),
      ),
    ).toEqual([['Ange kontaktpersonens e-postadress.', `${lank}/svar#kontaktperson-epost`]]);
    await expectAccessible(page, 'review, refused send', konsol);
    await clickLink('Ange kontaktpersonens e-postadress.');
    expect(path()).toBe(`${lank}/svar`);

    await page.type('#kontaktperson-epost', 'lena.ek@regionuppsala.se');
    await page.type('#fragesvar-0-text', 'Inriktningen är rimlig, men egna piloter behövs.');
    await page.select('#synpunkter-1-typ', 'ovrigt');
    await page.type('#synpunkter-1-text', 'Regionen vill bjudas in till arbetet med handlingsplanen.');
    await page.click('#stallning-2');
    expect(await page.$eval('label[for="stallning-2"]', (l) => l.textContent!.trim())).toBe(
      'Tillstyrker med ändringar',
    );
    await clickButton(page, 'Granska och skicka');

    // The summary before sending.
    expect(path()).toBe(`${lank}/svar/skicka`);
    text = await mainText(page);
    for (const del of [
      'Granska svaret innan det skickas',
      'Tillstyrker med ändringar',
      'RS 2025-0042',
      'Lena Ek, lena.ek@regionuppsala.se',
      SIDA_5[1],
      `${ARENDEMENING}, s. 5`,
      'Inriktningen är rimlig, men egna piloter behövs.',
      'Regionen vill bjudas in till arbetet med handlingsplanen.',
    ])
      expect(text).toContain(del);
    await expectAccessible(page, 'review before sending', konsol);

    await clickButton(page, 'Skicka svaret');
    expect(path()).toBe(`${lank}/kvittens`);
    text = await mainText(page);
    expect(text).toContain('Tack, svaret är skickat');
    expect(text).toMatch(/Mottaget \d{4}-\d{2}-\d{2} kl\. \d{2}\.\d{2}/);
    expect(text).toContain('En kvittens med svaret som PDF har skickats till lena.ek@regionuppsala.se');
    expect(text).toContain('Regionen delar inte bedömningen; egna piloter behövs.');
    await expectAccessible(page, 'kvittens', konsol);
    await screenshot('extern-kvittens');

    const kvittens = await mailTill('lena.ek@regionuppsala.se', /Ert svar har tagits emot/);
    expect(kvittens.text).toContain(`${lank}`);
    const [bilaga] = kvittens.attachments;
    expect([bilaga.filename, bilaga.contentType]).toEqual([
      `${remiss.diarienummer.replace('/', '-')}-Region-Uppsala.pdf`,
      'application/pdf',
    ]);
    const pdfen = (await pdfText(bilaga.content)).replace(/\s+/g, ' ');
    for (const del of ['Regionen delar inte bedömningen', SIDA_5[1], 'RS 2025-0042', 'Lena Ek'])
      expect(pdfen).toContain(del);

    // From now on the link shows what was sent, read-only; the answering pages lead back to it.
    await page.goto(`${t.url}${lank}`);
    text = await mainText(page);
    expect(text).toContain('Ert svar är skickat');
    expect(text).toContain('Det går inte längre att ändra svaret.');
    expect(text).toContain('Regionen delar inte bedömningen; egna piloter behövs.');
    expect(await page.$$('form textarea, form input[type="text"]')).toHaveLength(0);
    expect(text).not.toContain('Börja svara');
    await expectAccessible(page, 'link page, sent (read-only)', konsol);
    const skickatPdf = await fetch(`${t.url}${lank}/skickat/pdf`);
    expect(Buffer.compare(Buffer.from(await skickatPdf.arrayBuffer()), bilaga.content)).toBe(0);
    await page.goto(`${t.url}${lank}/svar`);
    expect(path()).toBe(lank);
  }, 120_000);

  it('a save over another save through the same link says what changed and keeps what was typed', async () => {
    const lank = await lankFran('us@example.se');
    await page.goto(`${t.url}${lank}/svar`);
    await page.type('#inledning', 'Första versionen.');
    await clickButton(page, 'Spara utkast');

    // A colleague with the same link saves meanwhile.
    const kollegan = await browser.createBrowserContext();
    const hennes = await kollegan.newPage();
    await hennes.goto(`${t.url}${lank}/svar`);
    await hennes.type('#synpunkter-0-text', 'Kollegans synpunkt.');
    await clickButton(hennes, 'Spara utkast');
    await kollegan.close();

    await page.$eval('#inledning', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#inledning', 'Min ändrade inledning.');
    await clickButton(page, 'Spara utkast');
    const text = await mainText(page);
    expect(text).toContain('Svaret har ändrats av någon annan sedan du öppnade det');
    expect(text).toMatch(/kl\. \d{2}\.\d{2}: Synpunkt 1 tillagd/);
    expect(await varde('#inledning')).toBe('Min ändrade inledning.');
    await expectAccessible(page, 'answer form, stale save', konsol);

    // Saving again, knowingly, keeps what this page says.
    await clickButton(page, 'Spara utkast');
    expect(await mainText(page)).toContain('Utkastet är sparat');
    expect(await varde('#inledning')).toBe('Min ändrade inledning.');
  }, 60_000);

  it('declines (avstår) with the keyboard only', async () => {
    const lank = await lankFran('lst@example.se');
    await page.goto(`${t.url}${lank}`);
    await tabTo('the avstå link', (e) => e.tagName === 'A' && e.textContent === 'Meddela att ni avstår');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(path()).toBe(`${lank}/avsta`);
    await expectAccessible(page, 'avstå, empty', konsol);

    await tabTo('the reason', (e) => e.id === 'motivering');
    await page.keyboard.type('Förslaget berör inte länsstyrelsens ansvarsområden.');
    await tabTo('the button', (e) => e.tagName === 'BUTTON' && e.textContent === 'Avstå från att svara');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    expect(path()).toBe(`${lank}/kvittens`);
    const text = await mainText(page);
    expect(text).toContain('Tack, ni har meddelat att ni avstår');
    expect(text).toContain('Förslaget berör inte länsstyrelsens ansvarsområden.');
    await expectAccessible(page, 'avstått, kvittens', konsol);
    const [instans] = await sql(t.db.url, `SELECT status, avstar_motivering FROM remissinstans WHERE namn = $1`, [
      'Länsstyrelsen i Uppsala län',
    ]);
    expect(instans).toEqual({
      status: 'avstar',
      avstar_motivering: 'Förslaget berör inte länsstyrelsens ansvarsområden.',
    });
  }, 60_000);

  it('refuses a form posted from another site, though the link needs no session', async () => {
    const lank = await lankFran('nf@example.se');
    const forfalskad = await fetch(`${t.url}${lank}/avsta`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'motivering=Forfalskad',
      redirect: 'manual',
    });
    expect(forfalskad.status).toBe(403);
    const [instans] = await sql(t.db.url, `SELECT status FROM remissinstans WHERE namn = 'Naturskyddsföreningen'`);
    expect(instans.status).toBe('inbjuden');
  });

  it('uploads the answer as PDF with a Word file; a file that is not a PDF is refused beside its field', async () => {
    const lank = await lankFran('nf@example.se');
    const inteEnPdf = join(filer, 'yttrande.txt');
    writeFileSync(inteEnPdf, 'Naturskyddsföreningen tillstyrker.');
    const pdfFil = join(filer, 'yttrande.pdf');
    writeFileSync(pdfFil, await pdfMedSidor([['Naturskyddsföreningen tillstyrker förslaget.']]));
    const wordFil = join(filer, 'yttrande.docx');
    writeFileSync(
      wordFil,
      await Packer.toBuffer(
        new Document({ sections: [{ children: [new Paragraph('Naturskyddsföreningen tillstyrker förslaget.')] }] }),
      ),
    );

    await page.goto(`${t.url}${lank}`);
    await clickLink('Ladda upp det som PDF');
    await expectAccessible(page, 'upload, empty', konsol);
    await (await page.$('#fil'))!.uploadFile(inteEnPdf);
    await clickButton(page, 'Skicka svaret');
    expect(path()).toBe(`${lank}/ladda-upp`);
    expect(await page.$eval('#fil-error', (e) => e.textContent)).toContain('yttrande.txt är inte en PDF');
    await expectAccessible(page, 'upload, not a PDF', konsol);

    await (await page.$('#fil'))!.uploadFile(pdfFil);
    await (await page.$('#word'))!.uploadFile(wordFil);
    await clickButton(page, 'Skicka svaret');
    expect(path()).toBe(`${lank}/kvittens`);
    const text = await mainText(page);
    expect(text).toContain('Tack, svaret är skickat');
    const filnamn = `${remiss.diarienummer.replace('/', '-')}-Naturskyddsforeningen`;
    expect(text).toContain(`${filnamn}.pdf`);
    expect(text).toContain(`${filnamn}.docx`);
    await expectAccessible(page, 'uploaded, kvittens', konsol);
  }, 60_000);

  it('an expired link names the contact person; an unknown link is a Swedish 404 page', async () => {
    const lank = await lankFran('region@example.se');
    await sql(
      t.db.url,
      `UPDATE extern_atkomst SET giltig_till = now() - interval '1 minute' WHERE remissinstans_id = (SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Region Uppsala')`,
      [remiss.id],
    );
    const [kontakt] = await sql(
      t.db.url,
      `SELECT kontaktperson_namn AS namn, kontaktperson_epost AS epost FROM remiss WHERE id = $1`,
      [remiss.id],
    );
    const svar = await page.goto(`${t.url}${lank}`);
    expect(svar!.status()).toBe(410);
    expect(await page.title()).toBe('Länken gäller inte längre – Remissplattformen');
    const text = await mainText(page);
    for (const del of ['Länken till remissen har slutat gälla.', kontakt.namn, kontakt.epost, ARENDEMENING])
      expect(text).toContain(del);
    await expectAccessible(page, 'expired link', konsol);
    await screenshot('extern-stangd');

    const okand = await page.goto(`${t.url}/svara/${'A'.repeat(43)}`);
    expect(okand!.status()).toBe(404);
    expect(await mainText(page)).toMatch(/Sidan finns inte[\s\S]*Länken finns inte/);
    await expectAccessible(page, 'unknown link', konsol);
  });
});
