import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, daysBetween, SettableClock, stockholmDatum, workingDayOnOrAfter } from '@app/core';
import { lasCsv } from '@app/core/testing/csv';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { blanksteg, pdfText } from '@app/pdf/testing/pdf-verktyg';
import { CSV_KOLUMNER, tidigasteSvarsdatum } from '@app/remiss';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { waitUntil } from '@app/reminders/testing/paminnelse-testbadd';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { withClock } from '@app/runtime/testing/with-clock';
import { UtkorgAvstamning } from '@app/utkorg';
import { signIn } from '@app/web/testing/konton';
import {
  bannerText,
  chooseFile,
  clickButton,
  clickLink,
  expectAccessible,
  mainText,
  startBrowser,
  tableRows,
  watchConsole,
} from '@app/web/testing/webblasare';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const ARENDEMENING = 'Förslag till avfallsplan 2027–2030';
/** A sentence of the handling's page 2, which the nämnd quotes. */
const CITAT = 'Matavfall ska samlas in separat i alla tätorter från 2028.';
const INVANDNING = 'Tidplanen för landsbygden saknas; nämndens skolkök behöver samma insamling.';
/** Starts as a formula would in Excel: the CSV must write it as text. */
const MINUS = '-30 % avfall till deponi är ett för lågt mål.';
const MOTIVERING = 'Landsbygden får en egen tidplan; skolköken ingår i etapp 1.';
const ANSTAND = 'Nämnden sammanträder först efter svarsdatum.';

/**
 * Issue #14's story of a remissansvarig, through the pages only, in a real Chromium: each step
 * starts from a link or button the user sees. A remiss is created, a handling uploaded, the remiss
 * sent to a nämnd and three kommuner, followed; a kommun added later gets anstånd, one kommun's
 * answer comes by post and another's avstående by e-mail, the nämnd answers with a synpunkt quoting
 * the handling through its own pages; Tierp gets each reminder on the day the status page showed, and three days after svarsdatum the list and the status page show
 * who is late, and the sammanställning gets a ställningstagande and is downloaded as PDF and CSV.
 * Every page state reached is checked with axe-core (WCAG 2.1 A/AA) and html-validate.
 */
describe('the remissansvarig, from a new remiss to the sammanställning, through the pages (Chromium)', () => {
  const clock = new SettableClock(new Date());
  /** The day it is sent, when the answers by post come in and the nämnd decides. */
  const idag = stockholmDatum(clock.now());
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let filer: string;
  let nedladdningar: string;
  let svarsdatum: string;
  let diarienummer: string;
  /** Tierp's reminders as the status page plans them after sending, up to the first after svarsdatum. */
  let paminnelser: { dag: string; namn: string }[];

  const path = () => new URL(page.url()).pathname;
  async function fill(p: Page, selector: string, text: string) {
    await p.$eval(selector, (e) => ((e as unknown as { value: string }).value = ''));
    await p.type(selector, text);
  }
  /** Chooses the option of a select by its visible text. */
  async function selectText(p: Page, selector: string, text: string) {
    const varde = await p.$eval(
      selector,
      (s, t) =>
        [...(s as unknown as { options: { text: string; value: string }[] }).options].find((o) => o.text === t)?.value,
      text,
    );
    await p.select(selector, varde!);
  }
  const statusrad = async (namn: string) => (await tableRows(page, 'table.rp-status')).find((r) => r.startsWith(namn))!;
  /** The `antal`th mail to `adress` whose subject has `amne`, once it has come. */
  async function mejl(adress: string, amne: string, antal = 1) {
    const till = () => sink.received.filter((m) => m.to.includes(adress) && m.subject.includes(amne));
    for (let i = 0; i < 150 && till().length < antal; i++) await new Promise((r) => setTimeout(r, 100));
    expect([adress, amne, till().length]).toEqual([adress, amne, antal]);
    return till()[antal - 1];
  }
  /** The reminders being sent are sent (none leased), so the clock can move on. */
  const sandningarKlara = () =>
    waitUntil(async () => !(await sql(t.db.url, `SELECT 1 FROM paminnelse WHERE status = 'skickar'`)).length);
  /** Follows a download link as the user does; the file as the browser saved it, under its name. */
  async function download(text: string): Promise<{ namn: string; data: Buffer }> {
    const fore = new Set(readdirSync(nedladdningar));
    const lank = await page.waitForSelector(`::-p-xpath(//main//a[normalize-space()="${text}"])`);
    await lank!.click();
    for (let i = 0; i < 150; i++) {
      const ny = readdirSync(nedladdningar).find((f) => !fore.has(f) && !f.endsWith('.crdownload'));
      if (ny) return { namn: ny, data: readFileSync(join(nedladdningar, ny)) };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${text}: nothing downloaded`);
  }
  /** For looking at the page (docs/skarmbilder holds the chosen ones): 1100 px wide, the whole page. */
  async function screenshot(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `berattelse-${namn}.png`) as `${string}.png`, fullPage: true });
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(withClock(PlatformModule.forRoot, clock), { config: { SMTP_URL: sink.url } });
    filer = mkdtempSync(join(tmpdir(), 'berattelse-'));
    nedladdningar = mkdtempSync(join(filer, 'nedladdningar-'));
    writeFileSync(
      join(filer, 'avfallsplan.pdf'),
      await pdfMedSidor([
        ['Avfallsplan 2027–2030', 'Förslag från kommunstyrelsen'],
        ['Mål och åtgärder', CITAT, 'Andelen avfall till deponi ska halveras.'],
        ['Uppföljning'],
      ]),
    );
    writeFileSync(join(filer, 'heby.pdf'), await pdfMedSidor([['Heby kommun tillstyrker förslaget.']]));
    writeFileSync(join(filer, 'knivsta.pdf'), await pdfMedSidor([['Knivsta kommun avstår från att yttra sig.']]));
    browser = await startBrowser();
    const context = await browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: nedladdningar },
    });
    page = await context.newPage();
    konsol = watchConsole(page);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.stop();
    rmSync(filer, { recursive: true, force: true });
  });

  it('creates the remiss, chooses its mottagare, uploads the handling and sends it', async () => {
    await signIn(page, t.url, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    await expectAccessible(page, 'after sign-in', konsol);
    await clickLink(page, 'Remisser');
    await expectAccessible(page, 'remisser, the list', konsol);
    expect(path()).toBe('/remisser');
    await clickLink(page, 'Ny remiss');
    await expectAccessible(page, 'new remiss', konsol);
    svarsdatum = tidigasteSvarsdatum(idag, 15);
    await page.type('#arendemening', ARENDEMENING);
    await fill(page, '#svarsdatum', svarsdatum);
    await page.type('#missiv', 'Kommunstyrelsen önskar synpunkter på förslaget till avfallsplan.');
    await page.type('#fragor', 'Är målen rimliga?');
    await clickButton(page, 'Spara och välj mottagare');
    expect(await bannerText(page)).toMatch(/Utkastet är sparat som KS\d{4}\/\d+/);
    diarienummer = /KS\d{4}\/\d+/.exec(await bannerText(page))![0];
    await expectAccessible(page, 'mottagare, none yet', konsol);

    await page.click(
      `#${await page.$$eval('label', (ls) => ls.find((l) => l.textContent!.trim() === 'Utbildningsnämnden')!.htmlFor)}`,
    );
    await clickButton(page, 'Spara valet av enheter');
    await expectAccessible(page, 'mottagare, an enhet chosen', konsol);
    expect(await bannerText(page)).toContain('1 mottagare tillagda');
    await page.type(
      '#text',
      'Heby kommun;kommun@heby.se\nKnivsta kommun;kommun@knivsta.se\nTierps kommun <kommun@tierp.se>',
    );
    await clickButton(page, 'Lägg till från listan');
    expect(await bannerText(page)).toContain('3 mottagare från listan är tillagda');
    await expectAccessible(page, 'mottagare, four chosen', konsol);

    await clickLink(page, 'Fortsätt till handlingarna');
    await expectAccessible(page, 'handlingar, none yet', konsol);
    await page.type('#titel', 'Förslag till avfallsplan');
    await chooseFile(page, '#fil', join(filer, 'avfallsplan.pdf'));
    await clickButton(page, 'Ladda upp');
    expect(await bannerText(page)).toContain('Handlingen har 3 sidor.');
    await expectAccessible(page, 'handlingar, one uploaded', konsol);

    await clickLink(page, 'Fortsätt till granska och skicka');
    expect(await mainText(page)).toContain('Alla 4 mottagare får missivet och handlingen.');
    await expectAccessible(page, 'skicka, the summary', konsol);
    await clickButton(page, 'Skicka remissen');
    await expectAccessible(page, 'status, just sent', konsol);
    expect(await bannerText(page)).toContain(`Remissen ${diarienummer} är skickad`);
    await mejl('kommun@tierp.se', ARENDEMENING);
    await mejl('un@enkoping.se', ARENDEMENING);
  });

  it('follows it from the list: every instans inbjuden, the reminders planned', async () => {
    await clickLink(page, 'Tillbaka till remisserna');
    await expectAccessible(page, 'remisser, one sent', konsol);
    expect(path()).toBe('/remisser');
    expect(await mainText(page)).toMatch(
      new RegExp(`${ARENDEMENING}\\s+${diarienummer}\\s+Utskickad\\s+${svarsdatum}\\s+0 av 4`),
    );
    await clickLink(page, ARENDEMENING);
    expect(path()).toMatch(/^\/remisser\/[0-9a-f-]{36}\/status$/);
    const tierp = await statusrad('Tierps kommun');
    expect(tierp).toMatch(
      new RegExp(
        `^Tierps kommun Extern Inbjuden ${svarsdatum} – .*Påminnelse \\d{4}-\\d\\d-\\d\\d: 10 arbetsdagar före svarsdatum \\(planerad\\)`,
      ),
    );
    paminnelser = [...tierp.matchAll(/Påminnelse (\d{4}-\d\d-\d\d): ([^(]+) \(planerad\)/g)].map(([, dag, namn]) => ({
      dag,
      namn,
    }));
    expect(paminnelser.at(-1)!.dag > svarsdatum).toBe(true);
    expect(await mainText(page)).toContain('0 av 4 har svarat eller avstått');
    await expectAccessible(page, 'status, opened from the list', konsol);
  });

  it('adds a forgotten nämnd, which gets the invitation, and grants it anstånd', async () => {
    await clickLink(page, 'Lägg till remissinstans');
    await expectAccessible(page, 'add instans', konsol);
    await selectText(page, '#enhetId', 'Socialnämnden');
    await clickButton(page, 'Lägg till och skicka remissen');
    expect(await bannerText(page)).toContain(`Socialnämnden har fått remissen Svarsdatum ${svarsdatum}.`);
    const inbjudan = await mejl('sn@enkoping.se', 'Remiss från');
    expect(inbjudan.text).toContain(`"${ARENDEMENING}" (dnr ${diarienummer}) till er för yttrande`);
    await expectAccessible(page, 'status, an instans added', konsol);

    const nytt = workingDayOnOrAfter(addDays(svarsdatum, 30));
    await clickLink(page, 'Bevilja anstånd för Socialnämnden');
    await expectAccessible(page, 'anstånd form', konsol);
    await fill(page, '#svarsdatum', nytt);
    await page.type('#orsak', ANSTAND);
    await clickButton(page, 'Bevilja anstånd');
    expect(await bannerText(page)).toContain(`Anstånd till ${nytt} för Socialnämnden`);
    expect(await statusrad('Socialnämnden')).toContain(`Inbjuden ${nytt} Anstånd: ${ANSTAND}`);
    expect((await mejl('sn@enkoping.se', 'Anstånd')).text).toContain(`Skäl: ${ANSTAND}`);
    await expectAccessible(page, 'status, anstånd granted', konsol);
  });

  it('registers an answer that came by post and an avstående that came by e-mail', async () => {
    await clickLink(page, 'Registrera svar som kommit in från Heby kommun');
    await expectAccessible(page, 'received answer form', konsol);
    await page.click('input[name="typ"][value="svar"]');
    await page.type('#inkom', idag);
    await chooseFile(page, '#fil', join(filer, 'heby.pdf'));
    await clickButton(page, 'Registrera svaret');
    await expectAccessible(page, 'status, an answer by post', konsol);
    expect(await bannerText(page)).toContain('Svaret från Heby kommun är registrerat');
    expect(await statusrad('Heby kommun')).toMatch(
      new RegExp(
        `^Heby kommun Extern Besvarad .*Besvarad \\d{4}-\\d\\d-\\d\\d kl\\. \\d\\d\\.\\d\\d \\(inkom ${idag} per post eller e-post\\) Svaret som PDF`,
      ),
    );

    // The answer is in: Heby's personal link is closed, on the status page and for Heby.
    expect(await statusrad('Heby kommun')).toMatch(/Länk till kommun@heby\.se, stängd \d{4}-\d\d-\d\d kl\. \d\d\.\d\d/);
    // The invitation's link, on this test's port (the mail is written for PUBLIC_URL).
    const lank = /\/svara\/[A-Za-z0-9_-]{43}/.exec((await mejl('kommun@heby.se', ARENDEMENING)).text)![0];
    const heby = await (await browser.createBrowserContext()).newPage();
    const hebyKonsol = watchConsole(heby);
    await heby.goto(`${t.url}${lank}`);
    expect(await mainText(heby)).toContain('Länken gäller inte längre');
    await expectAccessible(heby, 'Heby: its link after the answer by post', hebyKonsol);
    await heby.browserContext().close();

    await clickLink(page, 'Registrera svar som kommit in från Knivsta kommun');
    await expectAccessible(page, 'received answer form, avstående', konsol);
    await page.click('input[name="typ"][value="avstar"]');
    await page.type('#inkom', idag);
    await chooseFile(page, '#fil', join(filer, 'knivsta.pdf'));
    await clickButton(page, 'Registrera svaret');
    expect(await bannerText(page)).toContain('Knivsta kommun avstår');
    expect(await statusrad('Knivsta kommun')).toMatch(/^Knivsta kommun Extern Avstått /);
    expect(await mainText(page)).toContain('2 av 5 har svarat eller avstått');
    await expectAccessible(page, 'status, two answers by post', konsol);
  });

  it('the nämnd answers through its own pages, with a synpunkt quoting the handling', async () => {
    const context = await browser.createBrowserContext();
    const namnd = await context.newPage();
    const namndKonsol = watchConsole(namnd);
    await signIn(namnd, t.url, 'un.sekreterare@enkoping.demo', DEMO_PASSWORD);
    await expectAccessible(namnd, 'the nämnd: inkorg', namndKonsol);
    expect(new URL(namnd.url()).pathname).toBe('/inkorg');
    await clickLink(namnd, ARENDEMENING);
    await expectAccessible(namnd, 'the nämnd: the remiss', namndKonsol);
    await clickLink(namnd, 'Registrera');
    await expectAccessible(namnd, 'the nämnd: registrera', namndKonsol);
    await namnd.click('#satt');
    await clickButton(namnd, 'Registrera');
    await expectAccessible(namnd, 'the nämnd: registered', namndKonsol);
    expect(await bannerText(namnd)).toMatch(/Remissen är registrerad som UN\d{4}\/\d+/);
    const unDnr = /UN\d{4}\/\d+/.exec(await bannerText(namnd))![0];

    await clickLink(namnd, 'Skriv svar');
    await expectAccessible(namnd, 'the nämnd: editor, empty', namndKonsol);
    await namnd.type('#inledning', 'Utbildningsnämnden har tagit del av förslaget.');
    await clickButton(namnd, 'Lägg till synpunkt');
    await expectAccessible(namnd, 'the nämnd: a synpunkt added', namndKonsol);
    await namnd.click('#synpunkter-0-typ-2'); // invändning
    await namnd.type('#synpunkter-0-text', INVANDNING);
    await selectText(namnd, '#synpunkter-0-remisshandlingId', 'Förslag till avfallsplan (3 sidor)');
    await namnd.type('#synpunkter-0-sida', '2');
    await namnd.type('#synpunkter-0-citat', CITAT);
    await clickButton(namnd, 'Lägg till synpunkt');
    await expectAccessible(namnd, 'the nämnd: two synpunkter', namndKonsol);
    await namnd.click('#synpunkter-1-typ-4'); // övrigt
    await namnd.type('#synpunkter-1-text', MINUS);
    await namnd.type('#fragesvar-0-text', 'Ja, men landsbygden behöver en egen tidplan.');
    await namnd.click('#stallning-2'); // tillstyrker med ändringar
    await clickButton(namnd, 'Spara');
    expect(await bannerText(namnd)).toContain('Svaret är sparat');
    await expectAccessible(namnd, 'the nämnd: its answer saved', namndKonsol);

    await clickLink(namnd, 'Skicka för beslut');
    await expectAccessible(namnd, 'the nämnd: för beslut, confirm', namndKonsol);
    await clickButton(namnd, 'Skicka för beslut');
    await expectAccessible(namnd, 'the nämnd: för beslut', namndKonsol);
    expect(await bannerText(namnd)).toContain('Svaret ligger nu för beslut');
    await clickLink(namnd, 'Registrera beslut');
    await expectAccessible(namnd, 'the nämnd: beslut form', namndKonsol);
    const [ar, manad, dag] = idag.split('-');
    await namnd.click('#typ');
    await namnd.type('#sammantradesdatum', dag);
    await namnd.type('#sammantradesdatum-manad', manad);
    await namnd.type('#sammantradesdatum-ar', ar);
    await namnd.type('#paragraf', '§ 12');
    await clickButton(namnd, 'Registrera beslutet');
    await expectAccessible(namnd, 'the nämnd: expediera, summary', namndKonsol);
    expect(await bannerText(namnd)).toContain('Beslutet är registrerat');
    await clickButton(namnd, 'Expediera svaret');
    expect(await bannerText(namnd)).toContain('Svaret är expedierat');
    expect(await mainText(namnd)).toContain(`Diarienummer ${unDnr}`);
    await expectAccessible(namnd, 'the nämnd: expedierat', namndKonsol);
    await context.close();

    await page.reload();
    await expectAccessible(page, 'status, answered by the nämnd', konsol);
    expect(await statusrad('Utbildningsnämnden')).toMatch(
      new RegExp(`^Utbildningsnämnden Besvarad ${svarsdatum} ${unDnr} `),
    );
    expect(await mainText(page)).toContain('3 av 5 har svarat eller avstått');
  });

  it('days after svarsdatum, the reminders sent: signed in again, the list and the status page show who is late', async () => {
    // Days pass: on each day the status page promised, Tierp gets its reminder (the outbox' scheduler,
    // every OUTBOX_RECONCILE_MS, sends what became due while the clock moved).
    for (const [n, { dag }] of paminnelser.entries()) {
      await sandningarKlara();
      clock.set(new Date(`${dag}T12:00:00Z`));
      await t.app.get(UtkorgAvstamning).run();
      // After the invitation, each reminder under the remiss' dnr and ärendemening.
      await mejl('kommun@tierp.se', `${diarienummer} `, n + 2);
    }
    const amnen = sink.received.filter((m) => m.to.includes('kommun@tierp.se')).map((m) => m.subject);
    expect(amnen.slice(1).map((a) => a.slice(diarienummer.length + 1, a.indexOf(':')))).toEqual([
      'Påminnelse om remissvar',
      'Påminnelse om remissvar',
      'Sista svarsdag i dag',
      'Försenat remissvar',
    ]);
    await sandningarKlara();
    // At least three days late, and never back in time from the last reminder.
    const slutdag = [addDays(svarsdatum, 3), paminnelser.at(-1)!.dag].sort().at(-1)!;
    const dagar = daysBetween(svarsdatum, slutdag);
    clock.set(new Date(`${slutdag}T15:00:00Z`));
    await page.reload();
    await expectAccessible(page, 'sign-in, the session ended', konsol);
    expect(path()).toBe('/logga-in');
    await page.type('#epost', 'remissansvarig@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    // Back where the session ended.
    expect(path()).toMatch(/^\/remisser\/[0-9a-f-]{36}\/status$/);
    await expectAccessible(page, 'status, signed in again', konsol);
    await clickLink(page, 'Tillbaka till remisserna');
    const rad = await tableRows(page, 'table.rp-remisser');
    expect(rad.find((r) => r.startsWith(ARENDEMENING))).toMatch(/ 2 av 5 1 avstått 1 försenad /);
    await expectAccessible(page, 'remisser, one late', konsol);
    await screenshot('remisser-lista');

    await clickLink(page, ARENDEMENING);
    const tierp = await statusrad('Tierps kommun');
    expect(tierp).toMatch(new RegExp(`^Tierps kommun Extern Inbjuden Försenad ${dagar} dagar `));
    for (const { dag, namn } of paminnelser) expect(tierp).toContain(`Påminnelse ${dag}: ${namn} (skickad)`);
    expect(await statusrad('Socialnämnden')).toMatch(/^Socialnämnden Inbjuden \d{4}/);
    expect(await mainText(page)).toContain('3 av 5 har svarat eller avstått, 1 försenad');
    await expectAccessible(page, 'status, one late', konsol);
    await screenshot('remiss-status');
  });

  it('compiles: the nämnd’s synpunkt with its quote, a ställningstagande with its motivering', async () => {
    await clickLink(page, 'Remissammanställningen');
    expect(await page.title()).toBe('Remissammanställning – Remissplattformen');
    const text = (await mainText(page)).replace(/\s+/g, ' ');
    expect(text).toContain(`”${CITAT}” (s. 2) ${INVANDNING}`);
    expect(text).toContain(
      `Heby kommun Övrigt Svaret kom in ${idag} per post eller e-post och är registrerat som inkommande handling i ärendet.`,
    );
    expect(text).toContain('Visar 2 synpunkter.');
    // Three answered or declined, three counted: Heby's letter states no position of its own.
    const antal = await tableRows(page, 'table:first-of-type');
    expect(antal).toEqual([
      'Tillstyrker 0',
      'Tillstyrker med ändringar 1',
      'Avstyrker 0',
      'Inga synpunkter 0',
      'Avstår 1',
      'Svar utan angiven ställning 1',
    ]);
    await expectAccessible(page, 'sammanställning', konsol);

    // Two synpunkter of the nämnd, neither with a rubrik: a screen reader's list of links tells them apart by kind.
    await clickLink(page, 'Ta ställning till synpunkten (invändning) från Utbildningsnämnden');
    expect(await mainText(page)).toContain(INVANDNING);
    await page.click('input[name="beslut"][value="beaktas_delvis"]');
    await page.type('#motivering', MOTIVERING);
    await expectAccessible(page, 'ställningstagande form', konsol);
    await clickButton(page, 'Spara ställningstagandet');
    expect(await bannerText(page)).toContain('Ställningstagandet är sparat: beaktas delvis');
    expect((await mainText(page)).replace(/\s+/g, ' ')).toContain(
      `Ställningstagande: Beaktas delvis ${MOTIVERING} Karin Lind`,
    );
    await expectAccessible(page, 'sammanställning, a ställningstagande', konsol);
    await screenshot('sammanstallning');
  });

  it('downloads the PDF and the CSV and reads them', async () => {
    const pdf = await download('Ladda ner sammanställningen som PDF');
    expect(pdf.namn).toBe(`${diarienummer.replace('/', '-')}-remissammanstallning.pdf`);
    const text = blanksteg(await pdfText(pdf.data));
    expect(text).toMatch(/Utbildningsnämnden \(UN\d{4}\/\d+\) – invändning/);
    expect(text).toContain('1 tillstyrker med ändringar, 1 avstår, 1 utan angiven ställning');
    expect(text).toContain(CITAT);
    expect(text).toContain(`Ställningstagande: beaktas delvis. ${MOTIVERING} (Karin Lind,`);
    expect(text).toContain(`Svaret kom in ${idag} per post eller e-post`);
    expect(text).toContain('Avstod från att yttra sig Knivsta kommun');
    expect(text).toMatch(/Beviljat anstånd Socialnämnden: svarsdatum \d{4}-\d\d-\d\d/);

    const csv = await download('Ladda ner sammanställningen som CSV (öppnas i Excel)');
    expect(csv.namn).toBe(`${diarienummer.replace('/', '-')}-remissammanstallning.csv`);
    const [kolumner, ...rader] = lasCsv(csv.data.toString('utf8'));
    expect(kolumner).toEqual([...CSV_KOLUMNER]);
    const kol = (r: string[], namn: (typeof CSV_KOLUMNER)[number]) => r[kolumner.indexOf(namn)];
    const invandning = rader.find((r) => kol(r, 'Typ') === 'Invändning')!;
    expect([
      kol(invandning, 'Remissinstans'),
      kol(invandning, 'Citat'),
      kol(invandning, 'Ställningstagande'),
      kol(invandning, 'Motivering'),
    ]).toEqual(['Utbildningsnämnden', CITAT, 'beaktas delvis', MOTIVERING]);
    const rad = (instans: string, typ: string) =>
      rader.find((r) => kol(r, 'Remissinstans') === instans && kol(r, 'Typ') === typ);
    // Excel would compute "-30 % …"; with a leading ' it stays the nämnd's text.
    expect(kol(rad('Utbildningsnämnden', 'Övrigt')!, 'Synpunkt')).toBe(`'${MINUS}`);
    expect(kol(rad('Heby kommun', 'Övrigt')!, 'Synpunkt')).toBe(
      `Svaret kom in ${idag} per post eller e-post och är registrerat som inkommande handling i ärendet.`,
    );
    expect(kol(rad('Socialnämnden', 'Anstånd')!, 'Synpunkt')).toMatch(
      new RegExp(`^Svarsdatum \\d{4}-\\d\\d-\\d\\d: ${ANSTAND}$`),
    );
  });
});
