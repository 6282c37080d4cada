import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamicModule, Module } from '@nestjs/common';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { startEgenRedis } from '@app/reminders/testing/egen-redis';
import { commonModules } from '@app/runtime';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { Webbklient } from '@app/web/testing/webbklient';
import { randomBytes } from 'node:crypto';
import { PlatformModule } from '../../src/platform.module';

const UN = 'un.sekreterare@enkoping.demo';

/** A request from the client IP `ip` (behind the trusted proxy), without Origin, as a script would send it. */
async function send(base: string, ip: string, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-forwarded-for': ip, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: text.startsWith('{') ? JSON.parse(text) : text,
    ms: performance.now() - started,
  };
}

const login = (base: string, ip: string, epost: string, losenord: string) =>
  send(base, ip, 'POST', '/api/auth/login', { epost, losenord });
const sparrEvents = async (t: TestApp) =>
  (
    await sql(
      t.db.url,
      `SELECT e.data FROM audit_event e JOIN anvandare a ON a.id = e.anvandare_id WHERE e.handelse = 'inloggning_sparrad' AND a.epost = $1`,
      [UN],
    )
  ).map((r) => r.data);

describe('login and link throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot, {
      config: {
        TRUST_PROXY: 'true',
        LOGIN_RATE_MAX: '5',
        LINK_RATE_MAX: '5',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_MAX_FAILURES_ACCOUNT: '6',
        LOGIN_LOCK_SECONDS: '3',
      },
    });
  });
  afterAll(() => t.close());

  it('locks a client out of an account after LOGIN_MAX_FAILURES wrong passwords, refuses it the right one during the lock while another client signs in, audits the lock once, and lets it in after', async () => {
    const guesser = '10.1.0.1';
    expect((await login(t.url, guesser, UN, 'fel-1')).status).toBe(401);
    expect((await login(t.url, guesser, UN, 'fel-2')).status).toBe(401);
    const third = await login(t.url, guesser, UN, 'fel-3');
    expect(third.status).toBe(429);
    expect(third.body).toEqual({
      statusCode: 429,
      code: 'LOGIN_LOCKED',
      message: 'Too many wrong passwords from your address; the account is locked for you for 3 more seconds',
      meddelande: 'För många felaktiga inloggningsförsök från din adress. Kontot är spärrat för dig i 3 sekunder till.',
      details: { retryAfterSeconds: 3 },
    });
    expect(third.retryAfter).toBe('3');

    const during = await Promise.all([
      login(t.url, guesser, UN, DEMO_PASSWORD),
      login(t.url, guesser, UN.toUpperCase(), DEMO_PASSWORD),
    ]);
    expect(during.map((r) => [r.status, r.body.code])).toEqual([
      [429, 'LOGIN_LOCKED'],
      [429, 'LOGIN_LOCKED'],
    ]);
    expect(Number(during[0].retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(during[0].retryAfter)).toBeLessThanOrEqual(3);
    expect(await sql(t.db.url, `SELECT count(*)::int AS n FROM session`)).toEqual([{ n: 0 }]);
    // The real user, elsewhere, is not locked out by someone else's guesses.
    const elsewhere = await login(t.url, '10.1.9.9', UN, DEMO_PASSWORD);
    expect(elsewhere.status).toBe(200);
    expect(await sparrEvents(t)).toEqual([
      { misslyckadeForsok: 3, sparradSekunder: 3, sparradFor: 'klienten', ip: guesser },
    ]);

    await new Promise((r) => setTimeout(r, 3200));
    const after = await login(t.url, guesser, UN, DEMO_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.epost).toBe(UN);
    expect(await sparrEvents(t)).toHaveLength(1);
  });

  it('locks an account for everyone after LOGIN_MAX_FAILURES_ACCOUNT wrong passwords spread over many IPs, and a right password does not reset that count', async () => {
    const epost = 'sn.sekreterare@enkoping.demo';
    const answers = [];
    for (let i = 1; i <= 5; i++) answers.push(await login(t.url, `10.4.0.${i}`, epost, `gissning-${i}`));
    // The real user signs in between the guesses: its own count resets, the account's does not.
    expect((await login(t.url, '10.4.9.9', epost, DEMO_PASSWORD)).status).toBe(200);
    answers.push(await login(t.url, '10.4.0.6', epost, 'gissning-6'));
    expect(answers.map((r) => r.body.code)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'LOGIN_LOCKED']);
    const fresh = await login(t.url, '10.4.9.8', epost, DEMO_PASSWORD);
    expect([fresh.status, fresh.body.meddelande]).toEqual([
      429,
      'För många felaktiga inloggningsförsök. Kontot är spärrat i 3 sekunder till.',
    ]);
    const [event] = (
      await sql(
        t.db.url,
        `SELECT e.data FROM audit_event e JOIN anvandare a ON a.id = e.anvandare_id WHERE e.handelse = 'inloggning_sparrad' AND a.epost = $1`,
        [epost],
      )
    ).map((r) => r.data);
    expect(event).toEqual({ misslyckadeForsok: 6, sparradSekunder: 3, sparradFor: 'alla', ip: '10.4.0.6' });
    await new Promise((r) => setTimeout(r, 3200));
    expect((await login(t.url, '10.4.9.8', epost, DEMO_PASSWORD)).status).toBe(200);
  });

  it('locks an unknown address the same way, so a lock does not tell whether an account exists, and audits nothing', async () => {
    const epost = 'ingen.alls@enkoping.demo';
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await login(t.url, '10.2.0.1', epost, 'gissning'));
    expect(answers.map((r) => r.body.code)).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'LOGIN_LOCKED',
      'LOGIN_LOCKED',
    ]);
    expect(
      await sql(
        t.db.url,
        `SELECT count(*)::int AS n FROM audit_event WHERE handelse = 'inloggning_sparrad' AND anvandare_id IS NULL`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses a client IP over LOGIN_RATE_MAX failed logins a window with 429 and Retry-After, whatever the account; other IPs go on', async () => {
    const ip = '10.3.0.1';
    const accounts = ['a@enkoping.demo', 'b@enkoping.demo', 'c@enkoping.demo', 'd@enkoping.demo', 'e@enkoping.demo'];
    for (const epost of accounts) expect((await login(t.url, ip, epost, 'gissning')).status).toBe(401);
    const over = await login(t.url, ip, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('TOO_MANY_REQUESTS');
    expect(over.body.meddelande).toMatch(
      /^För många misslyckade inloggningar från din adress\. Försök igen om \d+ sekunder\.$/,
    );
    expect(Number(over.retryAfter)).toBeGreaterThan(50);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(over.body.details).toEqual({ retryAfterSeconds: Number(over.retryAfter) });
    expect((await login(t.url, '10.3.0.2', 'remissansvarig@enkoping.demo', DEMO_PASSWORD)).status).toBe(200);
  });

  it('does not count successful logins, so many people behind one NAT address can sign in', async () => {
    const ip = '10.3.1.1';
    const users = [
      'remissansvarig@enkoping.demo',
      'un.handlaggare@enkoping.demo',
      'sn.sekreterare@enkoping.demo',
      'registrator@enkoping.demo',
      'admin@enkoping.demo',
      'remissansvarig@vadstena.demo',
    ];
    const answers = [];
    for (const epost of [...users, ...users]) answers.push(await login(t.url, ip, epost, DEMO_PASSWORD));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
  });

  it('refuses a client IP over LINK_RATE_MAX requests to personal links, counted over every link route, and shares the count with another process', async () => {
    const ip = '10.4.0.1';
    const token = () => randomBytes(32).toString('base64url');
    const guesses = await Promise.all([
      send(t.url, ip, 'GET', `/api/extern/${token()}`),
      send(t.url, ip, 'GET', `/api/extern/${token()}/missiv`),
      send(t.url, ip, 'POST', `/api/extern/${token()}/avstar`, {}),
    ]);
    expect(guesses.map((r) => r.body.code)).toEqual(['LINK_NOT_FOUND', 'LINK_NOT_FOUND', 'LINK_NOT_FOUND']);

    // A second process of the platform (same Redis, same QUEUE_PREFIX) continues the same count.
    const second = await startTestApp(PlatformModule.forRoot, {
      db: t.db,
      demoData: false,
      config: { TRUST_PROXY: 'true', LINK_RATE_MAX: '5', LOGIN_RATE_MAX: '5' },
    });
    try {
      expect((await send(second.url, ip, 'GET', `/api/extern/${token()}`)).status).toBe(404);
      expect((await send(second.url, ip, 'GET', `/api/extern/${token()}`)).status).toBe(404);
      const over = await send(second.url, ip, 'GET', `/api/extern/${token()}`);
      expect(over.status).toBe(429);
      expect(over.body.meddelande).toMatch(
        /^För många förfrågningar till personliga länkar från din adress\. Försök igen om \d+ sekunder\.$/,
      );
      expect(Number(over.retryAfter)).toBeGreaterThan(0);
      expect((await send(t.url, ip, 'POST', `/api/extern/${token()}/avstar`, {})).status).toBe(429);
    } finally {
      await second.close();
    }
    expect((await send(t.url, '10.4.0.2', 'GET', `/api/extern/${token()}`)).status).toBe(404);
    // The limits are per group: this IP's link count does not touch its logins.
    expect((await login(t.url, ip, 'remissansvarig@enkoping.demo', DEMO_PASSWORD)).status).toBe(200);
  });
  it('counts wrong passwords on the sign-in page and refuses the IP there too: the form again, the Swedish sentence beside it, not JSON', async () => {
    const sida = new Webbklient(t.url, { 'x-forwarded-for': '10.6.0.1' });
    for (const n of [1, 2, 3, 4, 5]) {
      const fel = await sida.post('/logga-in', { epost: `gissning.${n}@enkoping.demo`, losenord: 'gissning' });
      expect([fel.status, fel.location]).toEqual([303, '/logga-in']);
    }
    const over = await sida.post('/logga-in', { epost: 'remissansvarig@enkoping.demo', losenord: DEMO_PASSWORD });
    expect([over.status, over.location]).toEqual([303, '/logga-in']);
    const formen = await sida.get('/logga-in');
    expect(formen.status).toBe(200);
    expect(formen.html).toMatch(/För många misslyckade inloggningar från din adress\. Försök igen om \d+ sekunder\./);
    // The same IP's API login is refused by the same count; another IP signs in on the page.
    expect((await login(t.url, '10.6.0.1', 'remissansvarig@enkoping.demo', DEMO_PASSWORD)).status).toBe(429);
    const annan = new Webbklient(t.url, { 'x-forwarded-for': '10.6.0.2' });
    const inne = await annan.post('/logga-in', { epost: 'remissansvarig@enkoping.demo', losenord: DEMO_PASSWORD });
    expect([inne.status, inne.location]).toEqual([303, '/']);
  });

  it('answers a personal link page over LINK_RATE_MAX with a Swedish 429 page and Retry-After', async () => {
    const sida = new Webbklient(t.url, { 'x-forwarded-for': '10.7.0.1' });
    const token = () => randomBytes(32).toString('base64url');
    for (let n = 0; n < 5; n++) expect((await sida.get(`/svara/${token()}`)).status).toBe(404);
    const res = await fetch(`${t.url}/svara/${token()}`, { headers: { 'x-forwarded-for': '10.7.0.1' } });
    const html = await res.text();
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(html).toContain('<h1 class="govuk-heading-l">För många försök</h1>');
    expect(html).toMatch(
      /För många förfrågningar till personliga länkar från din adress\. Försök igen om \d+ sekunder\./,
    );
  });
});

describe('a flood of wrong logins from one IP', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Per-IP limits out of the way: what keeps the other client's login fast here is argon2's fair queue alone.
    t = await startTestApp(PlatformModule.forRoot, {
      config: { TRUST_PROXY: 'true', LOGIN_RATE_MAX: '1000', LOGIN_HASH_QUEUE_PER_CLIENT: '100' },
    });
  });
  afterAll(() => t.close());

  it('delays a real login from another IP by at most a few password checks', async () => {
    await login(t.url, '10.5.0.9', UN, DEMO_PASSWORD);
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push((await login(t.url, '10.5.0.2', UN, DEMO_PASSWORD)).ms);
    const idleMedian = idle.sort((a, b) => a - b)[2];

    const flood = Array.from({ length: 40 }, (_, i) => login(t.url, '10.5.0.1', `gissning.${i}@enkoping.demo`, 'fel'));
    await new Promise((r) => setTimeout(r, 100));
    const real = [];
    for (let i = 0; i < 3; i++) real.push(await login(t.url, '10.5.0.2', UN, DEMO_PASSWORD));
    const flooded = await Promise.all(flood);

    const ms = real.map((r) => Math.round(r.ms));
    const floodMs = Math.max(...flooded.map((r) => r.ms));
    // What one password check cost meanwhile, on this machine under its load at that moment.
    const checkMs = (floodMs * t.config.LOGIN_HASH_CONCURRENCY) / (flooded.length + real.length);
    console.log(
      `login alone: median ${Math.round(idleMedian)} ms; during a flood of 40 from one IP: ${ms.join(', ')} ms; the flood took ${Math.round(floodMs)} ms, one check ${Math.round(checkMs)} ms`,
    );
    expect(real.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(flooded.every((r) => r.status === 401)).toBe(true);
    // The freed slot goes to the client that has had none: the rest of the flood's running check,
    // then its own (plus, for the first, the flood's 40 requests arriving); first come first served,
    // it would wait for the whole flood queued before it, about 40 checks.
    for (const r of real) expect(r.ms).toBeLessThan(6 * checkMs + 500);
  }, 120_000);

  it('with the default limits, refuses most of the flood at once, before argon2', async () => {
    const defaults = await startTestApp(PlatformModule.forRoot, {
      db: t.db,
      demoData: false,
      config: { TRUST_PROXY: 'true', LOGIN_RATE_MAX: '30', LOGIN_HASH_QUEUE_PER_CLIENT: '4' },
    });
    try {
      const flood = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(defaults.url, '10.6.0.1', `gissning.${i}@enkoping.demo`, 'fel')),
      );
      const counts = flood.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [`${r.status} ${r.body.code}`]: (acc[`${r.status} ${r.body.code}`] ?? 0) + 1 }),
        {},
      );
      console.log(`40 parallel wrong logins from one IP with the default limits: ${JSON.stringify(counts)}`);
      // At most LOGIN_HASH_CONCURRENCY running and 4 waiting at a time; a place freed while the 40 still arrive is taken again.
      expect(counts['429 TOO_MANY_REQUESTS']).toBeGreaterThanOrEqual(25);
      expect(flood.filter((r) => r.status === 429).every((r) => Number(r.retryAfter) >= 1)).toBe(true);
    } finally {
      await defaults.close();
    }
  }, 60_000);
});

@Module({})
class LoginOnly {}

describe('Redis down', () => {
  it('does not hold logins up: the limits are skipped and the password is still checked', async () => {
    const redis = await startEgenRedis();
    const module = (
      config: Parameters<typeof commonModules>[0],
      location: { databaseUrl: string; redisUrl: string },
    ): DynamicModule => ({
      module: LoginOnly,
      imports: commonModules(config, { ...location, redisUrl: redis.url }),
    });
    const t = await startTestApp(module, {
      config: { TRUST_PROXY: 'true', REDIS_URL: redis.url, LOGIN_RATE_MAX: '2', LOGIN_MAX_FAILURES: '2' },
    });
    try {
      expect((await login(t.url, '10.7.0.1', UN, DEMO_PASSWORD)).status).toBe(200);
      await redis.stop();
      const answers = [];
      for (const losenord of ['fel', 'fel', 'fel', DEMO_PASSWORD])
        answers.push(await login(t.url, '10.7.0.1', UN, losenord));
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 200]);
      // A hang would be ioredis retrying for many seconds; a password check here takes well under one.
      for (const r of answers) expect(r.ms).toBeLessThan(5000);
    } finally {
      await t.close();
    }
  }, 60_000);
});
