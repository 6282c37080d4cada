import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum, workingDaysAfter } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startBrowser } from '@app/web/testing/webblasare';
import { Browser, BrowserContext, Page } from 'puppeteer-core';
import { PlatformModule } from '../src/platform.module';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page of the attacker's site that posts a form to the platform as soon as it loads. */
function formPage(action: string, enctype: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  return `<!doctype html><form method="post" action="${escape(action)}" enctype="${enctype}">${inputs}</form><script>document.forms[0].submit()</script>`;
}

/** A page that posts with fetch in no-cors mode, which a browser allows to any site with the cookies. */
function fetchPage(action: string, contentType: string, body: string): string {
  return `<!doctype html><script>fetch(${JSON.stringify(action)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': ${JSON.stringify(contentType)} }, body: ${JSON.stringify(body)} }).finally(() => { document.title = 'sent'; })</script>`;
}

/**
 * The attack that worked before issue #11: a victim signed in to the platform opens a page of
 * another origin — on the same site (127.0.0.1, another port: the browser sends the SameSite=Lax
 * cookie along) or another site (localhost) — whose form posts to the API. In a real Chromium.
 */
describe('forms and scripts of other origins cannot act for a signed-in user (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let attacker: Server;
  let attackerPort: number;
  const pages = new Map<string, string>();
  let snInstans: string;
  const svarsdatum = workingDaysAfter(stockholmDatum(new Date()), 25);

  const remissCount = async () => (await sql(t.db.url, 'SELECT count(*)::int AS n FROM remiss'))[0].n as number;
  const arendeCount = async () => (await sql(t.db.url, 'SELECT count(*)::int AS n FROM arende'))[0].n as number;

  /** A browser profile of its own, signed in through the platform's own origin as a real user would. */
  async function signedIn(epost: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`${t.url}/api/docs`);
    const status = await page.evaluate(
      async (body) =>
        (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
          .status,
      JSON.stringify({ epost, losenord: DEMO_PASSWORD }),
    );
    expect(status).toBe(200);
    return { context, page };
  }

  /** Opens the attacker's page and returns what the browser got back from the platform. */
  async function visit(
    page: Page,
    origin: string,
    html: string,
  ): Promise<{ status: number; body: Record<string, unknown> } | null> {
    const path = `/${pages.size}`;
    pages.set(path, html);
    const answer = page.waitForResponse((r) => r.url().startsWith(t.url) && r.request().method() === 'POST', {
      timeout: 15_000,
    });
    await page.goto(`${origin}${path}`);
    const response = await answer;
    const text = await response.text().catch(() => '');
    return response.status() === 0 ? null : { status: response.status(), body: text ? JSON.parse(text) : {} };
  }

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    snInstans = (
      await sql(
        t.db.url,
        `SELECT i.id FROM remissinstans i JOIN enhet e ON e.id = i.mottagare_enhet_id JOIN remiss r ON r.id = i.remiss_id WHERE r.diarienummer = 'KS2025/118' AND e.kortnamn = 'SN'`,
      )
    )[0].id;
    attacker = createServer((req, res) => {
      const html = pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerPort = (attacker.address() as AddressInfo).port;
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await t?.close();
  });

  const cases: [string, 'same-site' | 'cross-site', (action: string) => string][] = [
    [
      'an url-encoded form',
      'same-site',
      (a) => formPage(a, 'application/x-www-form-urlencoded', { arendemening: 'Förfalskad remiss', svarsdatum }),
    ],
    [
      'a text/plain form that spells JSON',
      'same-site',
      (a) =>
        formPage(a, 'text/plain', { [`{"arendemening":"Förfalskad remiss","svarsdatum":"${svarsdatum}","x":"`]: '"}' }),
    ],
    [
      'a multipart form',
      'same-site',
      (a) => formPage(a, 'multipart/form-data', { arendemening: 'Förfalskad remiss', svarsdatum }),
    ],
    [
      'an url-encoded form of another site',
      'cross-site',
      (a) => formPage(a, 'application/x-www-form-urlencoded', { arendemening: 'Förfalskad remiss', svarsdatum }),
    ],
  ];

  it.each(cases)('%s (%s) does not create a remiss: 403 with the Swedish reason, no row', async (_case, site, page) => {
    const { context, page: tab } = await signedIn('remissansvarig@enkoping.demo');
    try {
      const [remisser, arenden] = [await remissCount(), await arendeCount()];
      const origin = site === 'same-site' ? `http://127.0.0.1:${attackerPort}` : `http://localhost:${attackerPort}`;
      const answer = await visit(tab, origin, page(`${t.url}/api/remisser`));
      expect(answer).toEqual({
        status: 403,
        body: expect.objectContaining({
          code: 'CROSS_ORIGIN_REFUSED',
          meddelande: 'Begäran kom från en annan webbplats än Remissplattformen och har avvisats.',
        }),
      });
      expect(await remissCount()).toBe(remisser);
      expect(await arendeCount()).toBe(arenden);
    } finally {
      await context.close();
    }
  });

  it.each([
    [
      'an url-encoded form',
      (a: string) => formPage(a, 'application/x-www-form-urlencoded', { motivering: 'Vi avstår.' }),
    ],
    [
      'a text/plain form that spells JSON',
      (a: string) => formPage(a, 'text/plain', { '{"motivering":"Vi avstår.","x":"': '"}' }),
    ],
    ['a multipart form', (a: string) => formPage(a, 'multipart/form-data', { motivering: 'Vi avstår.' })],
  ])('%s of a same-site origin does not make SN avstå', async (_case, page) => {
    const { context, page: tab } = await signedIn('sn.sekreterare@enkoping.demo');
    try {
      const answer = await visit(
        tab,
        `http://127.0.0.1:${attackerPort}`,
        page(`${t.url}/api/remissinstanser/${snInstans}/avsta`),
      );
      expect(answer?.status).toBe(403);
      expect(answer?.body.code).toBe('CROSS_ORIGIN_REFUSED');
      expect(await sql(t.db.url, 'SELECT status FROM remissinstans WHERE id = $1', [snInstans])).toEqual([
        { status: 'inbjuden' },
      ]);
      expect(await sql(t.db.url, 'SELECT id FROM remissvar WHERE remissinstans_id = $1', [snInstans])).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a no-cors fetch of a same-site origin does not make SN avstå either', async () => {
    const { context, page: tab } = await signedIn('sn.sekreterare@enkoping.demo');
    try {
      pages.set(
        '/fetch',
        fetchPage(
          `${t.url}/api/remissinstanser/${snInstans}/avsta`,
          'text/plain',
          JSON.stringify({ motivering: 'Vi avstår.' }),
        ),
      );
      await tab.goto(`http://127.0.0.1:${attackerPort}/fetch`);
      await tab.waitForFunction("document.title === 'sent'", { timeout: 15_000 });
      expect(await sql(t.db.url, 'SELECT status FROM remissinstans WHERE id = $1', [snInstans])).toEqual([
        { status: 'inbjuden' },
      ]);
    } finally {
      await context.close();
    }
  });

  it("the platform's own origin still posts, with the session's CSRF token and only then", async () => {
    const { context, page } = await signedIn('remissansvarig@enkoping.demo');
    try {
      const post = (token: string | null) =>
        page.evaluate(
          async (body, token) => {
            const headers: Record<string, string> = {
              'content-type': 'application/json',
              ...(token ? { 'x-csrf-token': token } : {}),
            };
            const res = await fetch('/api/remisser', { method: 'POST', headers, body });
            return { status: res.status, body: await res.json() };
          },
          JSON.stringify({ arendemening: 'Remiss från plattformens egen sida', svarsdatum }),
          token,
        );
      const before = await remissCount();
      expect(await post(null)).toEqual({ status: 403, body: expect.objectContaining({ code: 'CSRF_TOKEN_INVALID' }) });
      expect(await remissCount()).toBe(before);
      const token = await page.evaluate(
        async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken,
      );
      expect(await post(token)).toEqual({
        status: 201,
        body: expect.objectContaining({ arendemening: 'Remiss från plattformens egen sida' }),
      });
      expect(await remissCount()).toBe(before + 1);
    } finally {
      await context.close();
    }
  });

  it('the Swagger UI at /api/docs loads under its Content-Security-Policy without a violation', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await page.evaluateOnNewDocument(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused by Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))",
      );
      const res = await page.goto(`${t.url}/api/docs`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.waitForSelector('.swagger-ui .opblock', { timeout: 15_000 });
      expect(await page.$$eval('.swagger-ui .opblock-summary-path', (els) => els.map((e) => e.textContent))).toContain(
        '/api/remisser',
      );
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the Swagger UI's Try it out sends the session's CSRF token itself", async () => {
    const { context, page } = await signedIn('remissansvarig@enkoping.demo');
    try {
      const before = await remissCount();
      await page.reload();
      const operation = await page.waitForSelector(
        '.opblock-post:has(.opblock-summary-path[data-path="/api/remisser"])',
        { timeout: 15_000 },
      );
      await (await operation!.$('.opblock-summary'))!.click();
      await (await page.waitForSelector('.opblock-post.is-open .try-out__btn'))!.click();
      const body = await page.waitForSelector('.opblock-post.is-open textarea.body-param__text');
      await body!.evaluate(
        (el, text) => {
          const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
          setValue.call(el, text);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        },
        JSON.stringify({ arendemening: 'Remiss från Swagger UI', svarsdatum }),
      );
      const answer = page.waitForResponse(
        (r) => r.url() === `${t.url}/api/remisser` && r.request().method() === 'POST',
      );
      await (await page.$('.opblock-post.is-open .execute'))!.click();
      expect((await answer).status()).toBe(201);
      expect(await remissCount()).toBe(before + 1);
    } finally {
      await context.close();
    }
  });
});
