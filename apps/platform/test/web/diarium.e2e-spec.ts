import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ArkivService } from '@app/archive';
import { HandlingRiktning } from '@app/database';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { krypteradPdf, pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { DataSource } from 'typeorm';
import { PlatformModule } from '../../src/platform.module';

const BREV = Buffer.from('%PDF-1.4\n% Skrivelse om skolskjuts\n%%EOF\n');

/**
 * The registrator's story through the pages only, in a real Chromium, as registrator@enkoping.demo:
 * the diarium searched by dnr and text and filtered by date and riktning, an ärende opened and its
 * file downloaded, an inkommande handling registered by hand with its PDF (refused without what OSL
 * 5 kap. 2 § asks and with a file that is not an acceptable PDF, then accepted and downloaded), marked sekretess, the ärende closed, the CSV downloaded and parsed; then a
 * registrator of KS only, with no role at UN, sees the ärende without the sekretess handling's
 * motpart and beskrivning. Every state is checked with axe-core and html-validate.
 */
describe('the registrator: diarium search, an ärende, hand registration, sekretess, avslut, CSV (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let konsol: string[];
  /** The files the registrator uploads through the form. */
  let filer: string;
  const arenden: Record<string, { id: string; diarienummer: string }> = {};

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    // A registrator of KS only: the one who must not read UN's sekretess handling.
    await sql(
      t.db.url,
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll)
       SELECT a.id, e.id, 'registrator' FROM anvandare a, enhet e WHERE a.epost = 'remissansvarig@enkoping.demo' AND e.kortnamn = 'KS'`,
    );
    const registrator = await t.as('registrator@enkoping.demo');
    const diarier = (await registrator.get('/api/diarier')).body as { id: string; prefix: string }[];
    const oppna = async (namn: string, prefix: string, arendemening: string) => {
      const diarium = diarier.find((d) => d.prefix === prefix)!.id;
      arenden[namn] = (await registrator.post(`/api/diarier/${diarium}/arenden`, { arendemening })).body;
    };
    await oppna('skolskjuts', 'UN', 'Skolskjutsar i Enköping');
    await oppna('lokaler', 'UN', 'Lokalförsörjningsplan för förskolor');
    await oppna('tillsyn', 'SN', 'Tillsyn av boenden');
    // Handlingar as the platform registers them (a letter with its PDF, a sent answer, a memo).
    const arkiv = t.app.get(ArkivService);
    const registrera = (
      namn: string,
      riktning: HandlingRiktning,
      datum: string,
      motpart: string,
      beskrivning: string,
      fil?: Buffer,
    ) =>
      t.app.get(DataSource).transaction((m) =>
        arkiv.registerHandling(
          m,
          fil
            ? {
                filnamn: 'skrivelse.pdf',
                mimetyp: 'application/pdf',
                data: fil,
                sha256: createHash('sha256').update(fil).digest('hex'),
              }
            : null,
          [{ arendeId: arenden[namn].id, riktning, datum, motpart, beskrivning, registreradAv: null }],
        ),
      );
    await registrera(
      'skolskjuts',
      'inkommande',
      '2026-01-15',
      'Föräldraföreningen Skolvägen',
      'Skrivelse om skolskjuts',
      BREV,
    );
    await registrera(
      'skolskjuts',
      'utgaende',
      '2026-02-20',
      'Föräldraföreningen Skolvägen',
      'Svar på skrivelse om skolskjuts',
    );
    await registrera('lokaler', 'upprattad', '2026-01-10', 'Utbildningsförvaltningen', 'Tjänsteskrivelse');
    await registrera('tillsyn', 'inkommande', '2025-12-01', 'Inspektionen för vård och omsorg', 'Beslut efter tillsyn');
    filer = mkdtempSync(join(tmpdir(), 'diarium-e2e-'));
    writeFileSync(
      join(filer, 'synpunkter.pdf'),
      await pdfMedSidor([['Synpunkter på skolskjuts för elev i årskurs 3']]),
    );
    writeFileSync(join(filer, 'synpunkter.docx'), Buffer.from('PK\x03\x04 word/document.xml'));
    writeFileSync(join(filer, 'losenord.pdf'), await krypteradPdf());
    browser = await startBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    konsol = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (filer) rmSync(filer, { recursive: true, force: true });
  });

  const path = () => new URL(page.url()).pathname;
  const dnrs = () =>
    page.$$eval('main table tbody tr td:first-child', (tds) => tds.map((td) => td.textContent!.trim()));
  async function clickLink(text: string) {
    const lank = await page.waitForSelector(`::-p-xpath(//main//a[normalize-space()="${text}"])`);
    await Promise.all([page.waitForNavigation(), lank!.click()]);
  }
  async function fill(id: string, value: string) {
    await page.$eval(`#${id}`, (e, v) => ((e as unknown as { value: string }).value = v), value);
  }
  async function sok(falt: Record<string, string>) {
    await page.goto(`${t.url}/diarium`);
    for (const [id, value] of Object.entries(falt)) await fill(id, value);
    await clickButton(page, 'Sök');
  }
  /** For looking at the page (docs/skarmbilder holds the chosen ones): 1100 px wide, the whole page. */
  async function screenshot(namn: string) {
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `${namn}.png`) as `${string}.png`, fullPage: true });
  }
  async function upload(fil: string) {
    const falt = await page.$('#fil');
    await (falt as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(join(filer, fil));
  }
  const cookie = async () => (await page.browserContext().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const signIn = async (epost: string) => {
    await page.goto(`${t.url}/logga-in`);
    await page.type('#epost', epost);
    await page.type('#losenord', DEMO_PASSWORD);
    await clickButton(page, 'Logga in');
  };

  it('signs in, chooses Utbildningsnämnden and lands in the diarium: every ärende, newest first', async () => {
    await signIn('registrator@enkoping.demo');
    expect(path()).toBe('/valj-enhet');
    await page.click('::-p-xpath(//label[normalize-space()="Utbildningsnämnden"])');
    await clickButton(page, 'Fortsätt');
    expect(path()).toBe('/diarium');
    const text = await mainText(page);
    expect(text).toContain('Du arbetar nu för Utbildningsnämnden');
    expect(text).toContain('Visar 1–4 av 4 ärenden.');
    expect(await dnrs()).toEqual([
      arenden.tillsyn.diarienummer,
      arenden.lokaler.diarienummer,
      arenden.skolskjuts.diarienummer,
      'KS2025/118',
    ]);
    await expectAccessible(page, 'diarium, every ärende', konsol);
  });

  it('searches by dnr and by text, and filters by date and riktning', async () => {
    await sok({ q: arenden.skolskjuts.diarienummer });
    expect(await dnrs()).toEqual([arenden.skolskjuts.diarienummer]);
    await sok({ q: 'förskolor' });
    expect(await dnrs()).toEqual([arenden.lokaler.diarienummer]);
    await expectAccessible(page, 'diarium, text search', konsol);
    // A motpart is text the search reads too.
    await sok({ q: 'vård och omsorg' });
    expect(await dnrs()).toEqual([arenden.tillsyn.diarienummer]);

    await sok({ fran: '2026-02-01', till: '2026-02-28' });
    expect(await dnrs()).toEqual([arenden.skolskjuts.diarienummer]);
    await page.select('#riktning', 'inkommande');
    await clickButton(page, 'Sök');
    expect(await mainText(page)).toContain('Inga ärenden stämmer med sökningen.');
    await expectAccessible(page, 'diarium, nothing found', konsol);
    await page.select('#riktning', 'utgaende');
    await clickButton(page, 'Sök');
    expect(await dnrs()).toEqual([arenden.skolskjuts.diarienummer]);

    // A date that does not exist (typed into the address; the date field itself refuses it) is a 400 page.
    const fel = await page.goto(`${t.url}/diarium?fran=2026-02-31`);
    expect(fel!.status()).toBe(400);
    expect(await mainText(page)).toContain('Uppgifterna är inte giltiga: fältet från och med');
    await expectAccessible(page, 'diarium, a date that does not exist', konsol);

    // Sorted by dnr, ascending, from the column header.
    await page.goto(`${t.url}/diarium`);
    await clickLink('Diarienummer');
    expect(await page.$eval('th[aria-sort="ascending"]', (th) => th.textContent!.trim())).toMatch(/^Diarienummer/);
    await screenshot('diarium-sok');
  });

  it('opens an ärende with its handlingar and downloads its letter', async () => {
    await page.goto(`${t.url}/diarium?q=${encodeURIComponent(arenden.skolskjuts.diarienummer)}`);
    await clickLink(arenden.skolskjuts.diarienummer);
    expect(path()).toBe(`/diarium/arenden/${arenden.skolskjuts.id}`);
    const text = await mainText(page);
    expect(text).toContain('Skolskjutsar i Enköping');
    expect(text).toContain('Utbildningsnämndens diarium');
    const rader = await page.$$eval('main table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent!.trim())),
    );
    expect(rader).toEqual([
      ['1', '2026-01-15', 'Inkommande', 'Föräldraföreningen Skolvägen', 'Skrivelse om skolskjuts'],
      ['2', '2026-02-20', 'Utgående', 'Föräldraföreningen Skolvägen', 'Svar på skrivelse om skolskjuts'],
    ]);
    await expectAccessible(page, 'ärende', konsol);

    const href = await page.$eval('::-p-xpath(//a[normalize-space()="Ladda ner handling 1"])', (a) =>
      a.getAttribute('href'),
    );
    const fil = await fetch(`${t.url}${href}`, { headers: { cookie: await cookie() } });
    expect([fil.status, fil.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await fil.arrayBuffer()).equals(BREV)).toBe(true);
  });

  it('registers an inkommande handling by hand with its PDF: refused without datum and beskrivning, refused a file that is not a PDF or is encrypted, then accepted', async () => {
    await clickLink('Registrera inkommande handling');
    await expectAccessible(page, 'registrera handling', konsol);
    await page.type('#motpart', 'Anna Andersson');
    await clickButton(page, 'Registrera handlingen');
    expect(path()).toBe(`/diarium/arenden/${arenden.skolskjuts.id}/registrera`);
    const summering = await page.$eval('.govuk-error-summary', (e) => e.textContent!);
    expect(summering).toContain('Skriv datumet då handlingen kom in, till exempel 2026-03-02.');
    expect(summering).toContain('Skriv kort vad handlingen gäller.');
    expect(await page.$eval('#beskrivning-error', (e) => e.textContent)).toContain('Skriv kort vad handlingen gäller.');
    expect(await page.$eval('#motpart', (e) => (e as unknown as { value: string }).value)).toBe('Anna Andersson');
    await expectAccessible(page, 'registrera handling, refused', konsol);
    expect(await sql(t.db.url, 'SELECT 1 FROM handling WHERE arende_id = $1', [arenden.skolskjuts.id])).toHaveLength(2);

    await fill('datum', '2026-03-02');
    await page.type('#beskrivning', 'Synpunkter på skolskjuts för elev i årskurs 3');
    await upload('synpunkter.docx');
    await clickButton(page, 'Registrera handlingen');
    expect(path()).toBe(`/diarium/arenden/${arenden.skolskjuts.id}/registrera`);
    expect(await page.$eval('#fil-error', (e) => e.textContent)).toContain(
      'synpunkter.docx är inte en PDF utan en ZIP-fil',
    );
    expect(await page.$eval('.govuk-error-summary a[href="#fil"]', (e) => e.textContent)).toContain(
      'synpunkter.docx är inte en PDF',
    );
    expect(await page.$eval('#beskrivning', (e) => (e as unknown as { value: string }).value)).toBe(
      'Synpunkter på skolskjuts för elev i årskurs 3',
    );
    await expectAccessible(page, 'registrera handling, not a PDF', konsol);
    await upload('losenord.pdf');
    await clickButton(page, 'Registrera handlingen');
    expect(await page.$eval('#fil-error', (e) => e.textContent)).toContain(
      'losenord.pdf är krypterad eller lösenordsskyddad',
    );
    await expectAccessible(page, 'registrera handling, encrypted PDF', konsol);
    expect(await sql(t.db.url, 'SELECT 1 FROM handling WHERE arende_id = $1', [arenden.skolskjuts.id])).toHaveLength(2);

    await upload('synpunkter.pdf');
    await clickButton(page, 'Registrera handlingen');
    expect(path()).toBe(`/diarium/arenden/${arenden.skolskjuts.id}`);
    const text = await mainText(page);
    expect(text).toContain('Handlingen är registrerad som nummer 3');
    expect(text).toContain('Filen är sparad och arkiveras.');
    expect(text).toContain('Synpunkter på skolskjuts för elev i årskurs 3');
    await expectAccessible(page, 'ärende, handling registered', konsol);

    const href = await page.$eval('::-p-xpath(//a[normalize-space()="Ladda ner handling 3"])', (a) =>
      a.getAttribute('href'),
    );
    const fil = await fetch(`${t.url}${href}`, { headers: { cookie: await cookie() } });
    expect([fil.status, fil.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await fil.arrayBuffer()).equals(readFileSync(join(filer, 'synpunkter.pdf')))).toBe(true);
    const arkiv = await sql(
      t.db.url,
      `SELECT a.metadata->>'dokumenttyp' AS dokumenttyp FROM arkivhandling a JOIN handling h ON h.id = a.handling_id
        WHERE h.arende_id = $1 AND h.lopnummer = 3`,
      [arenden.skolskjuts.id],
    );
    expect(arkiv).toEqual([{ dokumenttyp: 'inkommen_handling' }]);
  });

  it('marks the new handling sekretess and closes the ärende', async () => {
    await clickLink('Sekretessmarkera handling 3');
    await page.type('#sekretess', '21 kap. 7 §');
    await clickButton(page, 'Sekretessmarkera');
    expect(await page.$eval('#sekretess-error', (e) => e.textContent)).toContain(
      'Skriv paragrafen som OSL 21 kap. 7 §.',
    );
    await expectAccessible(page, 'sekretess, refused', konsol);
    await fill('sekretess', 'OSL 21 kap. 7 §');
    await clickButton(page, 'Sekretessmarkera');
    expect(await mainText(page)).toContain('Handling 3 är sekretessmarkerad');
    await expectAccessible(page, 'ärende, sekretess marked', konsol);

    await clickLink('Avsluta ärendet');
    await expectAccessible(page, 'avsluta', konsol);
    await clickButton(page, 'Avsluta ärendet');
    const text = await mainText(page);
    expect(text).toContain(`Ärende ${arenden.skolskjuts.diarienummer} är avslutat`);
    expect(await page.$eval('main .govuk-summary-list', (e) => e.textContent)).toContain('Avslutat');
    expect(text).not.toContain('Registrera inkommande handling');
    await screenshot('diarium-arende');
    await expectAccessible(page, 'ärende, closed', konsol);
  });

  it('downloads the CSV of the search and parses it', async () => {
    await sok({ q: 'skolskjuts' });
    const href = await page.$eval('::-p-xpath(//a[starts-with(normalize-space(), "Ladda ner som CSV")])', (a) =>
      a.getAttribute('href'),
    );
    expect(href).toBe('/diarium/export.csv?q=skolskjuts');
    const svar = await fetch(`${t.url}${href}`, { headers: { cookie: await cookie() } });
    expect(svar.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rader = (await svar.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(';'));
    expect(rader[0]).toEqual([
      'Diarienummer',
      'Ärendemening',
      'Ärendets status',
      'Enhet',
      'Löpnummer',
      'Datum',
      'Riktning',
      'Avsändare/mottagare',
      'Beskrivning',
      'Sekretess',
    ]);
    expect(rader.slice(1)).toEqual([
      [
        arenden.skolskjuts.diarienummer,
        'Skolskjutsar i Enköping',
        'avslutat',
        'Utbildningsnämnden',
        '1',
        '2026-01-15',
        'Inkommande',
        'Föräldraföreningen Skolvägen',
        'Skrivelse om skolskjuts',
        '',
      ],
      [
        arenden.skolskjuts.diarienummer,
        'Skolskjutsar i Enköping',
        'avslutat',
        'Utbildningsnämnden',
        '2',
        '2026-02-20',
        'Utgående',
        'Föräldraföreningen Skolvägen',
        'Svar på skrivelse om skolskjuts',
        '',
      ],
      [
        arenden.skolskjuts.diarienummer,
        'Skolskjutsar i Enköping',
        'avslutat',
        'Utbildningsnämnden',
        '3',
        '2026-03-02',
        'Inkommande',
        'Anna Andersson',
        'Synpunkter på skolskjuts för elev i årskurs 3',
        'OSL 21 kap. 7 §',
      ],
    ]);
  });

  it('shows a registrator without a role at UN the ärende without the sekretess handling’s motpart and beskrivning', async () => {
    await clickButton(page, 'Logga ut');
    await signIn('remissansvarig@enkoping.demo');
    await page.goto(`${t.url}/diarium/arenden/${arenden.skolskjuts.id}`);
    const text = await mainText(page);
    expect(text).toContain('Uppgifterna omfattas av sekretess enligt OSL 21 kap. 7 §.');
    expect(text).toContain('Föräldraföreningen Skolvägen');
    expect(text).not.toContain('Anna Andersson');
    expect(text).not.toContain('årskurs 3');
    expect(text).not.toContain('Sekretessmarkera');
    const nerladdningar = await page.$$eval('main table a[download]', (as) =>
      as.map((a) => a.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(nerladdningar).toEqual(['Ladda ner handling 1']);
    await expectAccessible(page, 'ärende, sekretess hidden', konsol);
    const csv = await (
      await fetch(`${t.url}/diarium/export.csv?q=skolskjuts`, { headers: { cookie: await cookie() } })
    ).text();
    expect(csv).toContain('OSL 21 kap. 7 §');
    expect(csv).not.toContain('Anna Andersson');
  });

  it('lets the admin create one diarium for several enheter, its format previewed first', async () => {
    await clickButton(page, 'Logga ut');
    await signIn('admin@enkoping.demo');
    await page.goto(`${t.url}/admin/diarier`);
    await expectAccessible(page, 'diarier', konsol);
    await page.type('#namn', 'Gemensamt diarium');
    await page.type('#prefix', 'RJL');
    await page.type('#format', '{prefix}/{seq}');
    await clickButton(page, 'Förhandsgranska');
    expect(await page.$eval('#format-error', (e) => e.textContent)).toContain(
      'Formatet måste innehålla {year} och {seq}',
    );
    await expectAccessible(page, 'diarier, a format without {year}', konsol);
    await fill('format', '{prefix} {year}/{seq:4}');
    await clickButton(page, 'Förhandsgranska');
    const year = new Date().getFullYear();
    expect(await mainText(page)).toContain(`Så blir numren: RJL ${year}/0001, RJL ${year}/0002, RJL ${year}/0118`);
    await expectAccessible(page, 'diarier, preview', konsol);
    await clickButton(page, 'Skapa diariet');
    expect(await mainText(page)).toContain('Gemensamt diarium är skapat');

    const sn = (await sql(t.db.url, `SELECT id FROM enhet WHERE kortnamn = 'SN'`))[0].id as string;
    const rjl = await page.$eval(
      `#diarium-${sn}`,
      (select) =>
        [...(select as unknown as { options: { value: string; text: string }[] }).options].find((o) =>
          o.text.startsWith('Gemensamt'),
        )!.value,
    );
    await page.select(`#diarium-${sn}`, rjl);
    await Promise.all([page.waitForNavigation(), page.click(`form[action="/admin/diarier/enheter/${sn}"] button`)]);
    expect(await mainText(page)).toContain('Socialnämnden numrerar nu sina ärenden i Gemensamt diarium');
    await expectAccessible(page, 'diarier, an enhet moved', konsol);
  });
});
