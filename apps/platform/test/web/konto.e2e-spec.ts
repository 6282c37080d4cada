import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { Browser, BrowserContext, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/** Signing in and out through the pages only, in a real Chromium, each state checked with axe-core and html-validate. */
describe('signing in and out (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let konsol: string[];

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    konsol = watchConsole(page);
  });
  afterEach(() => context.close());

  async function fillIn(epost: string, losenord: string) {
    await page.type('#epost', epost);
    await page.type('#losenord', losenord);
    await clickButton(page, 'Logga in');
  }

  it('sends an anonymous visitor to sign-in, refuses wrong input beside the fields, and signs in', async () => {
    await page.goto(`${t.url}/`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await page.title()).toBe('Logga in – Remissplattformen');
    await expectAccessible(page, 'sign-in, empty', konsol);

    await clickButton(page, 'Logga in');
    expect(await page.title()).toBe('Fel: Logga in – Remissplattformen');
    const summary = await page.$$eval('.govuk-error-summary a', (as) =>
      as.map((a) => [a.textContent!.trim(), a.getAttribute('href')]),
    );
    expect(summary.map(([, href]) => href).sort()).toEqual(['#epost', '#losenord']);
    expect(await page.$eval('#epost-error', (e) => e.textContent)).toMatch(/e-postadress/);
    await expectAccessible(page, 'sign-in, field errors', konsol);

    await fillIn('remissansvarig@enkoping.demo', 'fel-losenord');
    expect(await mainText(page)).toMatch(/Fel e-postadress eller lösenord|e-postadress eller lösenord/i);
    // What was typed stays, but never the password.
    expect(await page.$eval('#epost', (e) => (e as unknown as { value: string }).value)).toBe(
      'remissansvarig@enkoping.demo',
    );
    expect(await page.$eval('#losenord', (e) => (e as unknown as { value: string }).value)).toBe('');
    const flashes = await sql(t.db.url, `SELECT data::text AS d FROM webb_flash`);
    expect(flashes.every((f) => !String(f.d).includes('fel-losenord'))).toBe(true);
    await expectAccessible(page, 'sign-in, wrong password', konsol);

    await page.$eval('#epost', (e) => ((e as unknown as { value: string }).value = ''));
    await fillIn('remissansvarig@enkoping.demo', DEMO_PASSWORD);
    // The start page leads on to the role's first section: the remissansvarig's remisser.
    expect(new URL(page.url()).pathname).toBe('/remisser');
    const header = await page.$eval('header', (h) => (h as unknown as { innerText: string }).innerText);
    expect(header).toMatch(/Enköpings kommun/);
    expect(header).toMatch(/Kommunstyrelsen/);
    await expectAccessible(page, 'the remisser list after signing in', konsol);

    await clickButton(page, 'Logga ut');
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await mainText(page)).toMatch(/Du är utloggad/);
    await expectAccessible(page, 'signed out', konsol);
    await page.goto(`${t.url}/valj-enhet`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
  });

  it('lets a user with roles at several enheter choose one, and change it from the header', async () => {
    await page.goto(`${t.url}/logga-in`);
    await fillIn('registrator@enkoping.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/valj-enhet');
    await expectAccessible(page, 'choose enhet', konsol);
    await clickButton(page, 'Fortsätt');
    expect(await page.$eval('#enhet-error', (e) => e.textContent)).toMatch(/Välj en enhet/);
    await expectAccessible(page, 'choose enhet, nothing chosen', konsol);

    const [forsta] = await page.$$('input[name="enhet"]');
    const namn = await page.$eval(`label[for="${await forsta.evaluate((e) => e.id)}"]`, (l) => l.textContent!.trim());
    await forsta.click();
    await clickButton(page, 'Fortsätt');
    expect(await mainText(page)).toContain(`Du arbetar nu för ${namn}`);
    expect(await page.$eval('header', (h) => (h as unknown as { innerText: string }).innerText)).toContain(namn);
    await expectAccessible(page, 'enhet chosen', konsol);
  });

  it('returns an expired session to sign-in with a message, and afterwards to the page', async () => {
    await page.goto(`${t.url}/logga-in?tillbaka=%2Ftillganglighet`);
    await fillIn('remissansvarig@enkoping.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/tillganglighet');
    await sql(t.db.url, `DELETE FROM session`);

    await page.goto(`${t.url}/valj-enhet?tillbaka=%2Ftillganglighet`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await mainText(page)).toMatch(/logga in igen/);
    await expectAccessible(page, 'sign-in after expiry', konsol);
    await fillIn('remissansvarig@enkoping.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/valj-enhet?tillbaka=%2Ftillganglighet');
  });

  it('never sends the browser to another site after sign-in', async () => {
    await page.goto(`${t.url}/logga-in?tillbaka=${encodeURIComponent('//evil.example/')}`);
    await fillIn('remissansvarig@enkoping.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).origin).toBe(t.url);
  });

  it('answers an unknown page with a Swedish 404 page, and the accessibility statement to anyone', async () => {
    const svar = await page.goto(`${t.url}/finns-inte/alls`);
    expect(svar!.status()).toBe(404);
    expect(await mainText(page)).toMatch(/Sidan finns inte/);
    await expectAccessible(page, '404 page', konsol);

    const api = await fetch(`${t.url}/api/finns-inte`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('NOT_FOUND');

    await page.goto(`${t.url}/tillganglighet`);
    expect(await mainText(page)).toMatch(/Tillgänglighet för Remissplattformen/);
    await expectAccessible(page, 'accessibility statement', konsol);
  });

  it('serves pages under a CSP without inline script, and every form carries the session token', async () => {
    const svar = await fetch(`${t.url}/logga-in`);
    const csp = svar.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await svar.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    await page.goto(`${t.url}/logga-in`);
    await fillIn('registrator@enkoping.demo', DEMO_PASSWORD);
    const formsWithoutToken = await page.$$eval(
      'form[method="post"]',
      (fs) => fs.filter((f) => !f.querySelector('input[name="_csrf"]')?.getAttribute('value')).length,
    );
    expect(formsWithoutToken).toBe(0);
    // A form posted without the token is refused, and the choice is not made.
    const cookies = await context.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const forged = await fetch(`${t.url}/valj-enhet`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'enhet=00000000-0000-0000-0000-000000000000',
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/säkerhetstoken/);
  });
});
