import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, stockholmDatum, workingDayOnOrAfter } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { waitUntil } from '@app/reminders/testing/paminnelse-testbadd';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/**
 * The sender follows sent remisser through the pages only, in a real Chromium: the status page
 * (instanser, reminders, timeline), anstånd (first with a bad date), a forgotten nämnd added (its
 * invitation in the SMTP sink), a supplementary handling (every instans told), an answer received
 * by post registered with its PDF (besvarad, its reminders cancelled), a reminder sent now, and
 * another remiss avslutad (the ones still working told, and stängda utan svar).
 */
describe('the sender: status page and the actions after sending (Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let filer: string;
  let remiss: { id: string; diarienummer: string };
  let annan: { id: string };
  let enheter: Record<string, string>;

  const bas = () => `${t.url}/remisser/${remiss.id}`;
  const mejlTill = (adress: string, amne: string) =>
    sink.received.filter((m) => m.to.includes(adress) && m.subject.includes(amne));
  async function vantaPaMejl(adress: string, amne: string) {
    for (let i = 0; i < 100 && !mejlTill(adress, amne).length; i++) await new Promise((r) => setTimeout(r, 100));
    const fatt = mejlTill(adress, amne).length ? 'fått' : sink.received.map((m) => `${m.to.join(',')}: ${m.subject}`);
    expect([adress, amne, fatt]).toEqual([adress, amne, 'fått']);
  }
  const instans = async (namn: string, remissId = remiss.id) =>
    (
      await sql(t.db.url, `SELECT id, status FROM remissinstans WHERE remiss_id = $1 AND namn = $2`, [remissId, namn])
    )[0];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    const rader = await sql(
      t.db.url,
      `SELECT e.id, e.kortnamn FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'enkoping'`,
    );
    enheter = Object.fromEntries(rader.map((r) => [r.kortnamn, r.id]));
    const ks = await t.as('remissansvarig@enkoping.demo');
    const mottagare = [{ enhetId: enheter.UN }, { namn: 'Region Uppsala', epost: 'region@example.se' }];
    remiss = await remissUtkast(ks, 'Förslag till cykelplan', mottagare);
    annan = await remissUtkast(ks, 'Förslag till kulturpolicy', mottagare);
    for (const r of [remiss, annan]) expect((await ks.post(`/api/remisser/${r.id}/skicka`)).status).toBe(200);
    filer = mkdtempSync(join(tmpdir(), 'uppfoljning-e2e-'));
    writeFileSync(join(filer, 'bilaga.pdf'), await pdfMedSidor([['Kostnadsberäkning för cykelplanen']]));
    writeFileSync(join(filer, 'svar.pdf'), await pdfMedSidor([['Region Uppsala tillstyrker förslaget.']]));
    browser = await startBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(page);
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', 'remissansvarig@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.stop();
    rmSync(filer, { recursive: true, force: true });
  });

  it('shows each instans with its status, reminders and the timeline', async () => {
    await page.goto(`${bas()}/status`);
    const text = await mainText(page);
    expect(text).toContain('Förslag till cykelplan');
    expect(text).toContain('Region Uppsala');
    expect(text).toContain('Utbildningsnämnden');
    expect(text).toMatch(/Påminnelse \d{4}-\d{2}-\d{2}: 10 arbetsdagar före svarsdatum \(planerad\)/);
    expect(text).toContain('Remissen skickades ut');
    await expectAccessible(page, 'status page', konsol);
    await page.setViewport({ width: 1100, height: 900 });
    // For looking at the page (docs/skarmbilder/remiss-status.png is the page story's, remissansvarig-berattelse).
    await page.screenshot({ path: join(tmpdir(), 'remiss-status.png') as `${string}.png`, fullPage: true });
  });

  it('grants anstånd: a date that is no date is refused beside its field, then the new date is shown', async () => {
    const un = await instans('Utbildningsnämnden');
    await page.goto(`${bas()}/instanser/${un.id}/anstand`);
    await expectAccessible(page, 'anstånd form', konsol);
    await page.type('#svarsdatum', '2026-02-30');
    await page.type('#orsak', 'Nämnden sammanträder först i juni.');
    await clickButton(page, 'Bevilja anstånd');
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent)).toContain('Svarsdatum');
    expect(await page.$eval('#svarsdatum-error', (e) => e.textContent)).toMatch(/datum/);
    await expectAccessible(page, 'anstånd refused', konsol);
    const nytt = workingDayOnOrAfter(addDays(stockholmDatum(new Date()), 60));
    await page.$eval('#svarsdatum', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#svarsdatum', nytt);
    await clickButton(page, 'Bevilja anstånd');
    expect(new URL(page.url()).pathname).toBe(`/remisser/${remiss.id}/status`);
    const text = await mainText(page);
    expect(text).toContain(`Anstånd till ${nytt} för Utbildningsnämnden`);
    expect(text).toContain('Anstånd: Nämnden sammanträder först i juni.');
    await expectAccessible(page, 'anstånd granted', konsol);
  });

  it('adds a forgotten nämnd: it gets the invitation and its reminders', async () => {
    await page.goto(`${bas()}/instanser/ny`);
    await expectAccessible(page, 'add instans form', konsol);
    await page.select('#enhetId', enheter.SN);
    await clickButton(page, 'Lägg till och skicka remissen');
    expect(await mainText(page)).toContain('Socialnämnden har fått remissen');
    await vantaPaMejl('sn@enkoping.se', 'Remiss från');
    const sn = await instans('Socialnämnden');
    const [{ planerade }] = await sql(
      t.db.url,
      `SELECT count(*)::int AS planerade FROM paminnelse WHERE remissinstans_id = $1 AND status = 'planerad'`,
      [sn.id],
    );
    expect(planerade).toBeGreaterThan(0);
  });

  it('adds a supplementary handling: every instans is told, the first handling stays as it was', async () => {
    await page.goto(`${bas()}/komplettering`);
    await expectAccessible(page, 'komplettering form', konsol);
    const fil = await page.$('#fil');
    await (fil as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(join(filer, 'bilaga.pdf'));
    await page.type('#titel', 'Kostnadsberäkning');
    await clickButton(page, 'Lägg till och meddela alla');
    expect(await mainText(page)).toContain('Handlingen Kostnadsberäkning är tillagd');
    expect(await mainText(page)).toContain('Kostnadsberäkning (1 sida) – komplettering');
    for (const adress of ['region@example.se', 'un@enkoping.se', 'sn@enkoping.se'])
      await vantaPaMejl(adress, 'Ny remisshandling');
    const handlingar = await sql(
      t.db.url,
      `SELECT titel, slag FROM remisshandling WHERE remiss_id = $1 ORDER BY ordning`,
      [remiss.id],
    );
    expect(handlingar).toEqual([
      { titel: 'Förslag till cykelplan', slag: 'ursprunglig' },
      { titel: 'Kostnadsberäkning', slag: 'komplettering' },
    ]);
  });

  it('registers an answer received by post: besvarad, registered as inkommande, reminders cancelled', async () => {
    const region = await instans('Region Uppsala');
    await page.goto(`${bas()}/instanser/${region.id}/mottaget-svar`);
    await expectAccessible(page, 'received answer form', konsol);
    await page.click('#typ');
    await page.type('#inkom', stockholmDatum(new Date()));
    const fil = await page.$('#fil');
    await (fil as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(join(filer, 'svar.pdf'));
    await clickButton(page, 'Registrera svaret');
    const text = await mainText(page);
    expect(text).toContain('Svaret från Region Uppsala är registrerat');
    expect(text).toContain('per post eller e-post');
    expect(text).toContain('Svaret som PDF');
    await expectAccessible(page, 'answer registered', konsol);
    expect((await instans('Region Uppsala')).status).toBe('besvarad');
    const paminnelser = await sql(t.db.url, `SELECT status FROM paminnelse WHERE remissinstans_id = $1`, [region.id]);
    expect(paminnelser.length).toBeGreaterThan(0);
    expect(paminnelser.every((p) => p.status === 'avbruten')).toBe(true);
    const [handling] = await sql(
      t.db.url,
      `SELECT h.riktning, h.motpart FROM handling h JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = $1 AND h.riktning = 'inkommande'`,
      [remiss.id],
    );
    expect(handling).toEqual({ riktning: 'inkommande', motpart: 'Region Uppsala' });
    // Every external answer received is archived, also one that came by post.
    const arkiv = await sql(
      t.db.url,
      `SELECT a.titel, a.metadata->>'dokumenttyp' AS dokumenttyp, a.sha256 = f.sha256 AS samma
         FROM arkivhandling a JOIN handling h ON h.id = a.handling_id JOIN fil f ON f.id = h.fil_id
         JOIN remiss r ON r.arende_id = h.arende_id
        WHERE r.id = $1 AND h.riktning = 'inkommande'`,
      [remiss.id],
    );
    expect(arkiv).toEqual([{ titel: 'Remissvar från Region Uppsala', dokumenttyp: 'externt_remissvar', samma: true }]);
  });

  it('sends a reminder now to an instans that has not answered', async () => {
    await page.goto(`${bas()}/status`);
    await clickButton(page, 'Skicka påminnelse nu');
    expect(await mainText(page)).toContain('Påminnelsen skickas nu');
    await vantaPaMejl('sn@enkoping.se', 'Påminnelse om remissvar');
  });

  it('avslutar another remiss: those still working are told and shown as stängda utan svar', async () => {
    await page.goto(`${t.url}/remisser/${annan.id}/avsluta`);
    await expectAccessible(page, 'avsluta form', konsol);
    await clickButton(page, 'Avsluta remissen');
    expect(await page.$eval('.govuk-error-summary', (e) => e.textContent)).toContain(
      'Bekräfta att remissen ska avslutas.',
    );
    await expectAccessible(page, 'avsluta refused', konsol);
    await page.click('#bekraftelse');
    await clickButton(page, 'Avsluta remissen');
    const text = await mainText(page);
    expect(text).toContain('Remissen är avslutad');
    expect(text.match(/Stängd utan svar/g)).toHaveLength(2);
    await expectAccessible(page, 'remiss avslutad', konsol);
    for (const adress of ['region@example.se', 'un@enkoping.se']) await vantaPaMejl(adress, 'Remissen är avslutad');
    expect((await instans('Utbildningsnämnden', annan.id)).status).toBe('stangd');
    // The sammanställning is archived after the avslut, by the outbox: the timeline says so once it is.
    const arkiverad = 'Remissammanställningen registrerades i ärendet';
    await waitUntil(async () => {
      await page.goto(`${t.url}/remisser/${annan.id}/status`);
      return (await mainText(page)).includes(arkiverad);
    }, 30_000);
    await expectAccessible(page, 'status, sammanställning archived', konsol);
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), 'status-arkiverad.png'), fullPage: true });
  });
});
