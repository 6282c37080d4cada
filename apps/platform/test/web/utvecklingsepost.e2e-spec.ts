import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { waitUntil } from '@app/reminders/testing/paminnelse-testbadd';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { Browser, Page } from 'puppeteer-core';
import { PlatformModule } from '../../src/platform.module';

/** A newcomer's `npm start`: no SMTP_URL, so the platform catches its own mail and shows it at /utveckling/epost. */
describe('the development mail page (no SMTP_URL)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let konsol: string[];

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot, { config: { PUBLIC_URL: 'http://localhost:3000' } });
    browser = await startBrowser();
    page = await browser.newPage();
    konsol = watchConsole(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('says there is no mail yet, then shows the invitation a sent remiss mails, with its link to the nämnd’s page', async () => {
    expect(t.config.SMTP_URL).toBeUndefined();
    await page.goto(`${t.url}/utveckling/epost`);
    expect(await page.title()).toBe('E-post i utvecklingsläge – Remissplattformen');
    expect(await mainText(page)).toContain('Inga brev ännu.');
    await expectAccessible(page, 'mail page, empty', konsol);

    const ks = await t.as('remissansvarig@enkoping.demo');
    const enheter: { enhetId: string; kortnamn: string }[] = (await ks.get('/api/remissmottagare')).body;
    const remiss = await remissUtkast(ks, 'Översiktsplan <2030>', [
      { enhetId: enheter.find((e) => e.kortnamn === 'UN')!.enhetId },
    ]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    const [{ id: instansId }] = await sql(t.db.url, `SELECT id FROM remissinstans WHERE remiss_id = $1`, [remiss.id]);
    const amne = `${remiss.diarienummer} Remiss från Kommunstyrelsen i Enköpings kommun: Översiktsplan <2030>`;

    await waitUntil(async () => {
      await page.goto(`${t.url}/utveckling/epost`);
      return (await mainText(page)).includes(amne);
    }, 20_000);
    const text = await mainText(page);
    expect(text).toContain('un@enkoping.se');
    expect(text).toContain(
      'Från\tKommunstyrelsen i Enköpings kommun via Remissplattformen <noreply@remissplattformen.local>',
    );
    expect(text).toContain('Svar går till\tremissansvarig@enkoping.demo');
    expect(text).toContain('Kommunstyrelsen i Enköpings kommun skickar remissen "Översiktsplan <2030>"');
    const lankar = await page.$$eval('main .rp-sidtext a', (as) => as.map((a) => a.getAttribute('href')));
    expect(lankar).toEqual([`http://localhost:3000/inkorg/${instansId}`]);
    await expectAccessible(page, 'mail page, one mail', konsol);
  }, 60_000);
});

describe('the development mail page where mail goes to a real server', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, {
      config: { NODE_ENV: 'production', SMTP_URL: sink.url },
      demoData: false,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('is not there: the Swedish 404 page', async () => {
    const res = await fetch(`${t.url}/utveckling/epost`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('E-post i utvecklingsläge');
    expect(html).toContain('<html lang="sv"');
  });
});
