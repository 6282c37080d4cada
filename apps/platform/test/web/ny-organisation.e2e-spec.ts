import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum } from '@app/core';
import { DEMO_PASSWORD } from '@app/demo';
import { kontoLank, mailTill } from '@app/mail/testing/konto-lankar';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { tidigasteSvarsdatum } from '@app/remiss';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { choosePassword, signIn } from '@app/web/testing/konton';
import {
  clickButton,
  expectAccessible,
  mainText,
  startBrowser,
  tableRows,
  watchConsole,
} from '@app/web/testing/webblasare';
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/** A region with no folder under templates/kommuner/: everything it has comes from the command and the pages. */
const REGION = {
  namn: 'Region Nordanå',
  orgnr: '232100-0115',
  adminNamn: 'Ylva Ström',
  adminEpost: 'admin@nordana.se',
  losenord: 'regionen har ett långt lösenord',
};
const REMISSANSVARIG = { namn: 'Bo Berg', epost: 'bo.berg@nordana.se', losenord: 'bo berg skickar remisser' };
const ARENDEMENING = 'Remiss av regional utvecklingsstrategi 2027–2035';

/**
 * Issue #16's onboarding story, without SQL or a file copied: the operator's command (main.ts
 * `organisation`, a process of its own) creates Region Nordanå and leaves the invitation in the outbox,
 * which the platform sends; its admin sets a password from the invitation mail, adds an enhet and invites a
 * remissansvarig; Enköping's and Vadstena's admins allow the region to send them remisser on their
 * connection pages; the remissansvarig sends a remiss to a nämnd of each; Enköping's
 * Utbildningsnämnd registers, answers, decides and expedierar it; the region sees the answer. The
 * region's missiv prints its own name and organisationsnummer on the general letterhead. Every page
 * state reached is checked with axe-core and html-validate. No SQL: not even to read an id.
 */
describe('a new region onboarded without SQL sends a remiss to two kommuner and gets an answer (Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  const konsoler = new Map<Page, string[]>();
  let admin: Page;
  let bo: Page;
  let remissId: string;
  const pdfFil = join(tmpdir(), `utvecklingsstrategi-${process.pid}.pdf`);

  async function nySida(): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    konsoler.set(page, watchConsole(page));
    return page;
  }
  const granska = (page: Page, tillstand: string) => expectAccessible(page, tillstand, konsoler.get(page));
  const path = (page: Page) => new URL(page.url()).pathname;
  async function clickLink(page: Page, text: string) {
    const lank = await page.waitForSelector(`::-p-xpath(//main//a[normalize-space()="${text}"])`);
    await Promise.all([page.waitForNavigation(), lank!.click()]);
  }
  /** The value of the option a person would pick by its text. */
  const option = (page: Page, select: string, text: string) =>
    page.$$eval(
      `${select} option`,
      (os, t) => os.find((o) => o.textContent!.trim() === t)!.getAttribute('value')!,
      text,
    );
  /** The checkbox or radio labelled `text`, inside the fieldset whose legend starts with `legend`. */
  async function check(page: Page, legend: string, text: string) {
    const id = await page.$$eval(
      'fieldset',
      (fs, [l, t]) => {
        const f = fs.find((x) => x.querySelector('legend')?.textContent!.trim().startsWith(l));
        return [...f!.querySelectorAll('label')].find((x) => x.textContent!.trim() === t)!.htmlFor;
      },
      [legend, text],
    );
    await page.click(`#${id}`);
  }
  /** A file the page links, fetched with its session. */
  const hamta = (page: Page, href: string) =>
    page
      .evaluate(async (u) => {
        const res = await fetch(u);
        return { status: res.status, bytes: [...new Uint8Array(await res.arrayBuffer())] };
      }, href)
      .then((r) => ({ status: r.status, data: Buffer.from(r.bytes) }));
  const enRad = (text: string) => text.replace(/\s+/g, ' ');
  /**
   * `npm run organisation -- …` as the operator runs it, minus the build: main.ts under ts-node, against the
   * test's database and queue and with no SMTP of its own, its lines from stdout; exit code 0 or the test
   * fails with what it printed. It compiles the platform under ts-node first: hence its step's longer timeout.
   */
  function runCommand(argv: string[]): Promise<string[]> {
    const rot = join(__dirname, '..', '..', '..', '..');
    const barn = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        join(rot, 'apps/platform/src/main.ts'),
        'organisation',
        ...argv,
      ],
      {
        cwd: rot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: t.db.url,
          REDIS_URL: t.db.redisUrl,
          QUEUE_PREFIX: t.config.QUEUE_PREFIX,
          MIGRATE_ON_START: 'false',
          TS_NODE_TRANSPILE_ONLY: 'true',
          TS_NODE_PROJECT: join(rot, 'tsconfig.json'),
        },
      },
    );
    let ut = '';
    barn.stdout.on('data', (b: Buffer) => (ut += b.toString()));
    barn.stderr.on('data', (b: Buffer) => (ut += b.toString()));
    return new Promise((resolve, reject) =>
      barn.once('exit', (kod) =>
        kod === 0 ? resolve(ut.trim().split('\n')) : reject(new Error(`the command exited with ${kod}:\n${ut}`)),
      ),
    );
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i), { config: { SMTP_URL: sink.url } });
    browser = await startBrowser();
    writeFileSync(pdfFil, await pdfMedSidor([['Regional utvecklingsstrategi'], ['Mål till 2035']]));
  });
  afterAll(async () => {
    rmSync(pdfFil, { force: true });
    await browser?.close();
    await t?.close();
    await sink?.stop();
  });

  it('the command creates the region with a diarium and the general letterhead; its admin sets a password', async () => {
    expect(existsSync(join(t.config.TEMPLATES_DIR, 'kommuner', 'region-nordana'))).toBe(false);
    const rader = await runCommand([
      `--namn=${REGION.namn}`,
      `--orgnr=${REGION.orgnr}`,
      '--typ=region',
      '--epost=region@nordana.se',
      '--adress=Box 7, 901 85 Nordanå',
      `--admin-namn=${REGION.adminNamn}`,
      `--admin-epost=${REGION.adminEpost}`,
    ]);
    const ar = stockholmDatum(new Date()).slice(0, 4);
    expect(rader).toContain(`Diarium: Regionstyrelsens diarium, första diarienumret RS ${ar}/0001.`);
    expect(rader.join('\n')).toContain('Brevhuvud: det allmänna, med organisationens namn');
    expect(rader.join('\n')).not.toContain('templates/kommuner');
    expect(rader).toContain('Inbjudan ligger i utkorgen och skickas av plattformens reminder-worker.');

    admin = await nySida();
    const { path: inbjudan } = kontoLank((await mailTill(sink, REGION.adminEpost)).text, 'inbjudan');
    await admin.goto(`${t.url}${inbjudan}`);
    expect(await mainText(admin)).toContain(`Hej ${REGION.adminNamn}! Välkommen till Remissplattformen.`);
    await granska(admin, 'invitation');
    await choosePassword(admin, `${t.url}${inbjudan}`, REGION.losenord);
    expect(await mainText(admin)).toContain('Ditt lösenord är sparat');
    await granska(admin, 'sign-in after the invitation');
    await signIn(admin, t.url, REGION.adminEpost, REGION.losenord);
    await admin.goto(`${t.url}/admin`);
    await granska(admin, 'admin overview');
  }, 120_000);

  it('the admin adds an enhet, sees the diarium and letterhead it starts with, and invites a remissansvarig', async () => {
    await clickLink(admin, 'Enheter');
    await clickLink(admin, 'Lägg till enhet');
    await admin.type('#namn', 'Hälso- och sjukvårdsnämnden');
    await admin.type('#kortnamn', 'HSN');
    await admin.type('#funktionsbrevlada', 'hsn@nordana.se');
    await clickButton(admin, 'Lägg till enheten');
    expect(await mainText(admin)).toContain('Hälso- och sjukvårdsnämnden (HSN) är tillagd');
    await granska(admin, 'enheter, one added');

    await admin.goto(`${t.url}/admin/diarier`);
    expect(await mainText(admin)).toMatch(/Regionstyrelsens diarium[\s\S]*RS \d{4}\/0001[\s\S]*Regionstyrelsen/);
    await granska(admin, 'diarier');

    await admin.goto(`${t.url}/admin/brevhuvud`);
    const brevhuvud = await mainText(admin);
    expect(brevhuvud).toContain('Breven har nu organisationens namn, adress, e-post och organisationsnummer');
    expect(brevhuvud).toContain('Organisationen har inget emblem ännu.');
    expect(await admin.$eval('#organisationsnummer', (e) => (e as unknown as { value: string }).value)).toBe(
      REGION.orgnr,
    );
    await granska(admin, 'brevhuvud, the defaults of a new organisation');

    await admin.goto(`${t.url}/admin/anvandare/ny`);
    await admin.type('#namn', REMISSANSVARIG.namn);
    await admin.type('#epost', REMISSANSVARIG.epost);
    await admin.select('#enhetId', await option(admin, '#enhetId', 'Regionstyrelsen'));
    await admin.click('input[name="roll"][value="remissansvarig"]');
    await clickButton(admin, 'Skicka inbjudan');
    expect(await mainText(admin)).toContain(`${REMISSANSVARIG.namn} är inbjuden`);
    await granska(admin, 'user invited');
  });

  it("Enköping's and Vadstena's admins allow the region to send them remisser", async () => {
    for (const kommun of ['enkoping', 'vadstena']) {
      const page = await nySida();
      await signIn(page, t.url, `admin@${kommun}.demo`, DEMO_PASSWORD);
      await page.goto(`${t.url}/admin/kopplingar`);
      await granska(page, `kopplingar of ${kommun}`);
      await page.select('#organisationId', await option(page, '#organisationId', REGION.namn));
      await clickButton(page, 'Lägg till');
      const text = await mainText(page);
      expect(text).toContain('Organisationen får nu skicka remisser till er');
      expect(text).toMatch(new RegExp(`Får skicka remisser till er[\\s\\S]*${REGION.namn}`));
      await granska(page, `kopplingar of ${kommun}, the region added`);
      await page.browserContext().close();
    }
    await admin.goto(`${t.url}/admin/kopplingar`);
    expect(await mainText(admin)).toMatch(/Ni kan skicka remisser till[\s\S]*Enköpings kommun[\s\S]*Vadstena kommun/);
    await granska(admin, "the region's kopplingar");
  });

  it('the remissansvarig sets a password and sends a remiss to a nämnd of each kommun', async () => {
    bo = await nySida();
    const { path: inbjudan } = kontoLank((await mailTill(sink, REMISSANSVARIG.epost)).text, 'inbjudan');
    await choosePassword(bo, `${t.url}${inbjudan}`, REMISSANSVARIG.losenord);
    await signIn(bo, t.url, REMISSANSVARIG.epost, REMISSANSVARIG.losenord);
    await bo.goto(`${t.url}/remisser/ny`);
    expect(await mainText(bo)).toMatch(/i formatet RS \d{4}\/0118/);
    await granska(bo, 'new remiss');
    await bo.type('#arendemening', ARENDEMENING);
    await bo.type(
      '#svarsdatum',
      tidigasteSvarsdatum(stockholmDatum(new Date()), t.config.REMISS_MIN_SVARSTID_ARBETSDAGAR),
    );
    await bo.type('#missiv', 'Regionstyrelsen önskar synpunkter på förslaget till regional utvecklingsstrategi.');
    await bo.type('#fragor', 'Är målen rimliga?');
    await clickButton(bo, 'Spara och välj mottagare');
    remissId = path(bo).split('/')[2];
    await check(bo, 'Enköpings kommun', 'Utbildningsnämnden');
    await check(bo, 'Vadstena kommun', 'Barn- och utbildningsnämnden');
    await clickButton(bo, 'Spara valet av enheter');
    expect(await mainText(bo)).toContain('2 mottagare tillagda');
    await granska(bo, 'mottagare, two kommuner');

    await clickLink(bo, 'Fortsätt till handlingarna');
    await bo.type('#titel', 'Regional utvecklingsstrategi');
    await (await bo.$('#fil'))!.uploadFile(pdfFil);
    await clickButton(bo, 'Ladda upp');
    expect(await mainText(bo)).toContain('Regional utvecklingsstrategi är uppladdad');
    await granska(bo, 'handlingar, one uploaded');

    const missiv = await hamta(bo, `/remisser/${remissId}/missiv`);
    expect(missiv.status).toBe(200);
    const text = enRad(await pdfText(missiv.data));
    expect(text).toContain(REGION.namn);
    expect(text).toContain(`Org.nr ${REGION.orgnr}`);
    expect(text).toContain('Box 7, 901 85 Nordanå');
    expect(text).not.toContain('Telefon');

    await clickLink(bo, 'Fortsätt till granska och skicka');
    await granska(bo, 'skicka, the summary');
    await clickButton(bo, 'Skicka remissen');
    expect(path(bo)).toBe(`/remisser/${remissId}/status`);
    expect(await mainText(bo)).toMatch(/Remissen RS \d{4}\/0001 är skickad/);
    await granska(bo, 'status, sent');
  });

  it("Enköping's Utbildningsnämnd registers, answers, decides and expedierar; the region sees it answered", async () => {
    const un = await nySida();
    await signIn(un, t.url, 'un.sekreterare@enkoping.demo', DEMO_PASSWORD);
    const lank = await un.waitForSelector(`::-p-xpath(//main//a[contains(., "${ARENDEMENING}")])`);
    await Promise.all([un.waitForNavigation(), lank!.click()]);
    const instans = path(un);
    expect(await mainText(un)).toContain(REGION.namn);
    await granska(un, 'the remiss in the inkorg');
    await Promise.all([un.waitForNavigation(), un.click('a[href$="/registrera"]')]);
    await un.click('#satt');
    await clickButton(un, 'Registrera');
    expect(await mainText(un)).toMatch(/Remissen är registrerad som UN\d{4}\/\d+/);
    await granska(un, 'registrerad');

    const editor = `${t.url}${instans}/svar`;
    await un.goto(editor);
    await un.type('#inledning', 'Utbildningsnämnden har tagit del av strategin.');
    await clickButton(un, 'Lägg till synpunkt');
    await un.click('#synpunkter-0-typ-4');
    await un.type('#synpunkter-0-text', 'Strategin bör nämna skolans roll för kompetensförsörjningen.');
    await un.type('#fragesvar-0-text', 'Ja.');
    await un.click('#stallning-2');
    await clickButton(un, 'Spara');
    expect(await mainText(un)).toContain('Svaret är sparat');
    await granska(un, 'the answer, saved');
    await un.goto(`${editor}/for-beslut`);
    await clickButton(un, 'Skicka för beslut');
    expect(await mainText(un)).toContain('Svaret ligger nu för beslut');
    await granska(un, 'för beslut');
    await un.goto(`${editor}/beslut`);
    const [ar, manad, dag] = stockholmDatum(new Date()).split('-');
    await un.click('#typ');
    await un.type('#sammantradesdatum', dag);
    await un.type('#sammantradesdatum-manad', manad);
    await un.type('#sammantradesdatum-ar', ar);
    await un.type('#paragraf', '§ 12');
    await clickButton(un, 'Registrera beslutet');
    expect(await mainText(un)).toContain(REGION.namn);
    await granska(un, 'expediera, summary');
    await clickButton(un, 'Expediera svaret');
    expect(await mainText(un)).toContain('Svaret är expedierat');
    await granska(un, 'expedierat');
    const svar = await hamta(un, await un.$eval('a[href$="/svar/pdf"]', (a) => a.getAttribute('href')!));
    expect(enRad(await pdfText(svar.data))).toContain('Strategin bör nämna skolans roll');

    await bo.goto(`${t.url}/remisser/${remissId}/status`);
    expect(await mainText(bo)).toContain('1 av 2 har svarat eller avstått');
    const rader = await tableRows(bo, 'table.rp-status');
    expect(rader.find((r) => r.includes('Enköpings kommun'))).toMatch(/Utbildningsnämnden.*Besvarad \d{4}-\d\d-\d\d/);
    expect(rader.find((r) => r.includes('Vadstena kommun'))).not.toContain('Besvarad');
    await granska(bo, 'status, one answer');
  });
});
