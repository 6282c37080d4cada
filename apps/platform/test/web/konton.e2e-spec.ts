import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { kontoLank, mailTill } from '@app/mail/testing/konto-lankar';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { choosePassword, onboardRegionExempel, REGION_EXEMPEL, signIn } from '@app/web/testing/konton';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

const LOSENORD = 'en lång mening om remisser';
const SKARMBILDER = 'docs/skarmbilder';

/** Onboarding without SQL, in a real Chromium: the command, invitations, users, the operator, passwords. */
describe('accounts through the pages (Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  const sidor: Page[] = [];
  let konsol: string[];

  async function nySida(): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: 1100, height: 900 });
    konsol = watchConsole(page);
    sidor.push(page);
    return page;
  }
  const fel = (page: Page, id: string) => page.$eval(`#${id}-error`, (e) => e.textContent!.trim());

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i), { config: { SMTP_URL: sink.url } });
    browser = await startBrowser();
    mkdirSync(SKARMBILDER, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.stop();
  });

  it('onboards Region Exempel: command → invitation → password → the admin invites a user who signs in', async () => {
    const { rader, inbjudan } = await onboardRegionExempel(
      t.config,
      { databaseUrl: t.db.url, redisUrl: t.db.redisUrl },
      sink,
    );
    expect(rader.join('\n')).toContain('Administratör: admin@region-exempel.se');

    const admin = await nySida();
    await admin.goto(`${t.url}${inbjudan}`);
    expect(await mainText(admin)).toContain('Hej Anna Admin! Välkommen till Remissplattformen.');
    await expectAccessible(admin, 'invitation', konsol);
    await admin.type('#losenord', 'qwertyuiopasdfgh');
    await clickButton(admin, 'Spara lösenordet');
    expect(await fel(admin, 'losenord')).toMatch(/läckta lösenord/);
    await expectAccessible(admin, 'invitation, leaked password', konsol);
    await choosePassword(admin, `${t.url}${inbjudan}`, LOSENORD);
    expect(await mainText(admin)).toContain('Ditt lösenord är sparat');
    await expectAccessible(admin, 'sign-in after the invitation', konsol);
    await signIn(admin, t.url, REGION_EXEMPEL.adminEpost, LOSENORD);

    await admin.click('a[href="/admin/anvandare"]');
    await admin.waitForSelector('h1');
    expect(await mainText(admin)).toMatch(
      /Anna Admin\s+admin@region-exempel.se\s+administratör vid Regionstyrelsen\s+Aktiv/,
    );
    await expectAccessible(admin, 'users', konsol);

    await admin.goto(`${t.url}/admin/anvandare/ny`);
    await clickButton(admin, 'Skicka inbjudan');
    expect(await fel(admin, 'epost')).toMatch(/e-postadress/);
    await expectAccessible(admin, 'invite, empty', konsol);
    await admin.type('#namn', 'Bo Berg');
    await admin.type('#epost', 'bo.berg@region-exempel.se');
    await admin.select(
      '#enhetId',
      (await admin.$eval('#enhetId option:nth-child(2)', (o) => o.getAttribute('value')))!,
    );
    await admin.click('input[name="roll"][value="remissansvarig"]');
    await clickButton(admin, 'Skicka inbjudan');
    expect(await mainText(admin)).toContain('Bo Berg är inbjuden');
    await expectAccessible(admin, 'user invited', konsol);
    await admin.goto(`${t.url}/admin/anvandare`);
    await admin.screenshot({ path: `${SKARMBILDER}/anvandare.png`, fullPage: true });

    const bo = await nySida();
    const { path } = kontoLank((await mailTill(sink, 'bo.berg@region-exempel.se')).text, 'inbjudan');
    await choosePassword(bo, `${t.url}${path}`, 'bo berg har ett långt lösenord');
    await signIn(bo, t.url, 'bo.berg@region-exempel.se', 'bo berg har ett långt lösenord');
    expect(await bo.$eval('header', (h) => (h as unknown as { innerText: string }).innerText)).toContain(
      'Bo Berg, Region Exempel – Regionstyrelsen',
    );
  });

  it('refuses to deactivate the last admin on its page, and deactivates another user', async () => {
    const admin = sidor[0];
    const [anna] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = $1`, [REGION_EXEMPEL.adminEpost]);
    await admin.goto(`${t.url}/admin/anvandare/${anna.id}/inaktivera`);
    await expectAccessible(admin, 'deactivate, confirmation', konsol);
    await clickButton(admin, 'Inaktivera kontot');
    expect(await mainText(admin)).toContain('Det går inte att inaktivera organisationens sista administratör.');
    await expectAccessible(admin, 'deactivate, last admin', konsol);

    const [bo] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = 'bo.berg@region-exempel.se'`);
    await admin.goto(`${t.url}/admin/anvandare/${bo.id}`);
    await expectAccessible(admin, 'user', konsol);
    await admin.goto(`${t.url}/admin/anvandare/${bo.id}/inaktivera`);
    await clickButton(admin, 'Inaktivera kontot');
    expect(await mainText(admin)).toContain('Bo Berg är inaktiverad');
    await sidor[1].reload();
    expect(new URL(sidor[1].url()).pathname).toBe('/logga-in');
  });

  it('the operator creates an organisation; a wrong control digit is refused beside its field', async () => {
    const drift = await nySida();
    await signIn(drift, t.url, 'drift@remissplattformen.demo', DEMO_PASSWORD);
    expect(new URL(drift.url()).pathname).toBe('/drift/organisationer');
    expect(await mainText(drift)).toMatch(/Region Exempel\s+Region\s+232100-0016/);
    await expectAccessible(drift, 'organisations', konsol);
    await drift.click('a[href="/drift/organisationer/ny"]');
    await drift.waitForSelector('#namn');
    const falt: [string, string][] = [
      ['#namn', 'Habo kommun'],
      ['#organisationsnummer', '212000-1554'],
      ['#epost', 'kommun@habo.se'],
      ['#adress', 'Box 210, 566 24 Habo'],
      ['#enhetNamn', 'Kommunstyrelsen'],
      ['#enhetKortnamn', 'KS'],
      ['#adminNamn', 'Hanna Habo'],
      ['#adminEpost', 'admin@habo.se'],
    ];
    for (const [sel, varde] of falt) await drift.type(sel, varde);
    await drift.click('input[name="typ"][value="kommun"]');
    await drift.screenshot({ path: `${SKARMBILDER}/drift-ny-organisation.png`, fullPage: true });
    await expectAccessible(drift, 'new organisation', konsol);
    await clickButton(drift, 'Skapa organisationen och skicka inbjudan');
    expect(await fel(drift, 'organisationsnummer')).toContain('212000-1554 är inte ett giltigt organisationsnummer');
    expect(await drift.$eval('#namn', (e) => (e as unknown as { value: string }).value)).toBe('Habo kommun');
    await expectAccessible(drift, 'new organisation, wrong control digit', konsol);
    await drift.$eval('#organisationsnummer', (e) => ((e as unknown as { value: string }).value = ''));
    await drift.type('#organisationsnummer', '212000-1553');
    await clickButton(drift, 'Skapa organisationen och skicka inbjudan');
    expect(await mainText(drift)).toContain('Habo kommun är skapad');
    expect(await mainText(drift)).toMatch(
      /Kommunstyrelsen numrerar sina ärenden i Kommunstyrelsens diarium, från KS \d{4}\/0001\./,
    );
    expect((await mailTill(sink, 'admin@habo.se')).subject).toBe('Inbjudan till Remissplattformen för Habo kommun');
    // An admin of a kommun is no operator.
    const admin = sidor[0];
    const svar = await admin.goto(`${t.url}/drift/organisationer`);
    expect(svar!.status()).toBe(403);
  });

  it('forgotten password: a link by mail, then a new password; and a change of it signed in', async () => {
    const page = await nySida();
    await page.goto(`${t.url}/logga-in`);
    await page.click('a[href="/glomt-losenord"]');
    await page.waitForSelector('#epost');
    await expectAccessible(page, 'forgotten password', konsol);
    await page.type('#epost', 'sn.sekreterare@enkoping.demo');
    await clickButton(page, 'Skicka länk');
    expect(await mainText(page)).toContain('Om sn.sekreterare@enkoping.demo har ett konto har vi skickat en länk');
    await expectAccessible(page, 'forgotten password, sent', konsol);
    const { path } = kontoLank((await mailTill(sink, 'sn.sekreterare@enkoping.demo')).text, 'aterstall');
    await choosePassword(page, `${t.url}${path}`, 'kort');
    expect(await fel(page, 'losenord')).toContain('Lösenordet måste ha minst 12 tecken.');
    await expectAccessible(page, 'reset, too short', konsol);
    await choosePassword(page, `${t.url}${path}`, LOSENORD);
    await page.goto(`${t.url}${path}`);
    expect(await mainText(page)).toMatch(/Länken går inte längre att använda/);
    await expectAccessible(page, 'reset link used', konsol);

    await signIn(page, t.url, 'sn.sekreterare@enkoping.demo', LOSENORD);
    await page.click('a[href="/konto/losenord"]');
    await page.waitForSelector('#nuvarandeLosenord');
    await page.type('#nuvarandeLosenord', 'inte mitt lösenord');
    await page.type('#nyttLosenord', 'ännu ett långt lösenord');
    await clickButton(page, 'Byt lösenord');
    expect(await fel(page, 'nuvarandeLosenord')).toContain('Ditt nuvarande lösenord stämmer inte.');
    expect(await page.$eval('#nyttLosenord', (e) => (e as unknown as { value: string }).value)).toBe('');
    await expectAccessible(page, 'change password, wrong current', konsol);
    await page.type('#nuvarandeLosenord', LOSENORD);
    await page.type('#nyttLosenord', 'ännu ett långt lösenord');
    await clickButton(page, 'Byt lösenord');
    expect(await mainText(page)).toContain('Ditt lösenord är bytt');
    await expectAccessible(page, 'password changed', konsol);
  });
});
