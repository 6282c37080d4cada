import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const enRad = (text: string) => text.replace(/\s+/g, ' ');
const SKARMBILDER = join(__dirname, '../../../../docs/skarmbilder');

/**
 * The organisation admin's story through the pages only, as admin@enkoping.demo in a real
 * Chromium: an enhet added (a taken kortnamn refused at its field), the letterhead edited (a
 * low-contrast colour refused with its ratio, then a good one), a hostile SVG refused and a clean
 * one accepted, the preview PDF read, a reminder rule changed and the connections viewed; then
 * UN's next remissvar PDF carries the new letterhead. Every state is checked with axe-core and
 * html-validate.
 */
describe('the organisation admin: enheter, brevhuvud, påminnelser, kopplingar (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  let filer: string;

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    browser = await startBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(page);
    filer = mkdtempSync(join(tmpdir(), 'emblem-'));
  });
  afterAll(async () => {
    rmSync(filer, { recursive: true, force: true });
    await browser?.close();
    await t?.close();
  });

  const path = () => new URL(page.url()).pathname;
  async function clickLink(text: string) {
    const lank = await page.waitForSelector(`::-p-xpath(//main//a[normalize-space()="${text}"])`);
    await Promise.all([page.waitForNavigation(), lank!.click()]);
  }
  async function fill(id: string, value: string) {
    await page.$eval(`#${id}`, (e) => ((e as unknown as { value: string }).value = ''));
    await page.type(`#${id}`, value);
  }
  const felVid = (id: string) => page.$eval(`#${id}-error`, (e) => e.textContent!.trim());
  /** What a signed-in browser gets at `p`, as bytes (the preview PDF). */
  async function hamta(p: string): Promise<{ status: number; typ: string | null; body: Buffer }> {
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${t.url}${p}`, { headers: { cookie } });
    return { status: res.status, typ: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  }

  it('signs in and reaches every admin page from the overview', async () => {
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', 'admin@enkoping.demo');
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/admin"]')]);
    expect(path()).toBe('/admin');
    const text = await mainText(page);
    for (const s of ['Enheter', 'Användare', 'Diarier', 'Brevhuvud', 'Påminnelser', 'Kopplingar'])
      expect(text).toContain(s);
    await expectAccessible(page, 'admin overview', konsol);
  });

  it('adds an enhet, refusing a kortnamn another enhet has at its field', async () => {
    await clickLink('Enheter');
    expect(await mainText(page)).toContain('Utbildningsnämnden');
    await page.screenshot({ path: join(SKARMBILDER, 'admin-enheter.png'), fullPage: true });
    await expectAccessible(page, 'enheter', konsol);
    await clickLink('Lägg till enhet');
    // A diarium of its own is chosen; every diarium of the organisation is offered beside it.
    expect(await page.$eval('input[name="diarium"]:checked', (e) => (e as unknown as { value: string }).value)).toBe(
      'eget',
    );
    expect(await mainText(page)).toMatch(/Utbildningsnämndens diarium \(UN\d{4}\/1\)\s+Används av Utbildningsnämnden/);
    await expectAccessible(page, 'new enhet', konsol);
    await page.type('#namn', 'Överförmyndarnämnden');
    await page.type('#kortnamn', 'un');
    await page.type('#funktionsbrevlada', 'ofn@enkoping.se');
    await clickButton(page, 'Lägg till enheten');
    expect(path()).toBe('/admin/enheter/ny');
    expect(await felVid('kortnamn')).toContain('Kortnamnet un används redan av en annan enhet');
    expect(await page.$eval('#namn', (e) => (e as unknown as { value: string }).value)).toBe('Överförmyndarnämnden');
    await expectAccessible(page, 'new enhet, kortnamn taken', konsol);
    await fill('kortnamn', 'ÖFN');
    await clickButton(page, 'Lägg till enheten');
    expect(path()).toBe('/admin/enheter');
    const text = await mainText(page);
    expect(text).toContain('Överförmyndarnämnden (ÖFN) är tillagd');
    expect(text).toContain('ofn@enkoping.se');
    await expectAccessible(page, 'enheter, one added', konsol);
    const [audit] = await sql(t.db.url, `SELECT data FROM audit_event WHERE handelse = 'enhet_skapad'`);
    expect(audit.data).toMatchObject({ kortnamn: 'ÖFN', namn: 'Överförmyndarnämnden' });
    expect(
      await sql(t.db.url, `SELECT d.namn, d.prefix FROM diarium d WHERE d.id = $1`, [audit.data.diariumId]),
    ).toEqual([{ namn: 'Överförmyndarnämndens diarium', prefix: 'ÖFN' }]);
  });

  it('edits the letterhead: a low-contrast text colour is refused with its ratio, a dark one saved', async () => {
    await page.goto(`${t.url}/admin`);
    await clickLink('Brevhuvud');
    expect(await page.$eval('#organisationsnummer', (e) => (e as unknown as { value: string }).value)).toBe(
      '212000-0274',
    );
    await expectAccessible(page, 'brevhuvud, defaults', konsol);
    await fill('namn', 'Enköpings kommun – Kommunledningskontoret');
    await fill('primarfarg', '#d99a1e');
    await clickButton(page, 'Spara brevhuvudet');
    expect(await felVid('primarfarg')).toBe(
      'Fel: Färgen #d99a1e har kontrasten 2,4:1 mot vitt papper. Text behöver minst 4,5:1; välj en mörkare färg.',
    );
    expect(await page.$eval('#namn', (e) => (e as unknown as { value: string }).value)).toBe(
      'Enköpings kommun – Kommunledningskontoret',
    );
    await expectAccessible(page, 'brevhuvud, low contrast refused', konsol);
    expect(await sql(t.db.url, `SELECT 1 FROM brevhuvud`)).toHaveLength(0);
    await fill('primarfarg', '#1f3a93');
    await clickButton(page, 'Spara brevhuvudet');
    expect(await mainText(page)).toContain('Brevhuvudet är sparat');
    await page.screenshot({ path: join(SKARMBILDER, 'admin-brevhuvud.png'), fullPage: true });
    await expectAccessible(page, 'brevhuvud, saved', konsol);
  });

  it('refuses a hostile SVG emblem and accepts a clean one', async () => {
    await clickLink('Byt emblem');
    await expectAccessible(page, 'emblem', konsol);
    const ond = join(filer, 'ond.svg');
    writeFileSync(
      ond,
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
    );
    await (await page.$('#emblem'))!.uploadFile(ond);
    await clickButton(page, 'Ladda upp emblemet');
    expect(path()).toBe('/admin/brevhuvud/emblem');
    expect(await felVid('emblem')).toContain('händelseattributet onload');
    await expectAccessible(page, 'emblem, hostile SVG refused', konsol);
    const ren = join(filer, 'ren.svg');
    writeFileSync(
      ren,
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 12"><path d="M1 1 H9 V7 C9 10 5 11 5 11 C5 11 1 10 1 7 Z" fill="#1f3a93"/></svg>',
    );
    await (await page.$('#emblem'))!.uploadFile(ren);
    await clickButton(page, 'Ladda upp emblemet');
    expect(path()).toBe('/admin/brevhuvud');
    expect(await mainText(page)).toContain('Emblemet är bytt');
    expect(await page.$eval('img.rp-emblem', (i) => i.getAttribute('src')!)).toMatch(/^data:image\/svg\+xml;base64,/);
    await expectAccessible(page, 'brevhuvud, emblem replaced', konsol);
  });

  it('previews the letterhead as a PDF with the saved name', async () => {
    const pdf = await hamta('/admin/brevhuvud/forhandsvisning');
    expect(pdf.status).toBe(200);
    expect(pdf.typ).toBe('application/pdf');
    const text = enRad(await pdfText(pdf.body));
    expect(text).toContain('Enköpings kommun – Kommunledningskontoret');
    expect(text).toContain('212000-0274');
    expect(text).toContain('Förhandsvisning av brevhuvudet');
  });

  it('changes a reminder rule, refusing a number of days out of range', async () => {
    await page.goto(`${t.url}/admin`);
    await clickLink('Påminnelser');
    await expectAccessible(page, 'påminnelser', konsol);
    await fill('regler-0-arbetsdagar', '99');
    await clickButton(page, 'Spara reglerna');
    expect(await felVid('regler-0-arbetsdagar')).toContain('0–60');
    await expectAccessible(page, 'påminnelser, refused', konsol);
    await fill('regler-0-arbetsdagar', '7');
    await clickButton(page, 'Spara reglerna');
    expect(await mainText(page)).toContain('Påminnelsereglerna är sparade');
    expect(await page.$eval('#regler-0-arbetsdagar', (e) => (e as unknown as { value: string }).value)).toBe('7');
    await expectAccessible(page, 'påminnelser, saved', konsol);
    expect(await sql(t.db.url, `SELECT 1 FROM audit_event WHERE handelse = 'paminnelseregler_andrade'`)).toHaveLength(
      1,
    );
  });

  it('shows who may send remisser to Enköping (Vadstena, in the demo), removes and adds it again', async () => {
    await page.goto(`${t.url}/admin`);
    await clickLink('Kopplingar');
    let text = await mainText(page);
    expect(text).toMatch(/Får skicka remisser till er[\s\S]*Vadstena kommun[\s\S]*Ni kan skicka remisser till/);
    expect(text).toContain('Ingen annan organisation har godkänt remisser från er ännu.');
    await expectAccessible(page, 'kopplingar', konsol);
    await clickButton(page, 'Ta bort Vadstena kommun');
    text = await mainText(page);
    expect(text).toContain('Organisationen kan inte längre skicka nya remisser till er');
    expect(text).toContain('Ingen annan organisation får skicka remisser till er ännu.');
    await expectAccessible(page, 'kopplingar, none', konsol);
    const [vadstena] = await sql(t.db.url, `SELECT id FROM organisation WHERE slug = 'vadstena'`);
    await page.select('#organisationId', vadstena.id);
    await clickButton(page, 'Lägg till');
    expect(await mainText(page)).toContain('Organisationen får nu skicka remisser till er');
    await expectAccessible(page, 'kopplingar, one added', konsol);
    const handelser = await sql(
      t.db.url,
      `SELECT handelse FROM audit_event WHERE handelse LIKE 'koppling_%' ORDER BY id`,
    );
    expect(handelser.map((h) => h.handelse)).toEqual(['koppling_borttagen', 'koppling_tillagd']);
  });

  it("prints UN's next remissvar on the edited letterhead", async () => {
    const demo = await demoRemissMedHandling(t.db.url);
    const un = await t.as('un.sekreterare@enkoping.demo');
    await un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    const svar = await un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId));
    expect(svar.status).toBe(201);
    const pdf = await un.get(`/api/remissvar/${svar.body.id}/forhandsvisning`);
    const text = enRad(await pdfText(pdf.body));
    expect(text).toContain('Enköpings kommun – Kommunledningskontoret');
    expect(text).toContain('Svar på remiss');
  });
});
