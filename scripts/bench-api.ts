// npm run bench:api [-- --duration=10 --connections=50 --keep]
// Seeds 5,000 remisser × 12 instanser (half answered, a few remissvar drafts each) into a database of
// its own on the configured PostgreSQL (DATABASE_URL, or the embedded one), starts the platform on a
// random port and measures three read paths with autocannon at 50 connections, twice each:
// - varied: one session per simulated user (the inkorg's spread over all eleven nämnder), each request
//   a random page, sort and filter (status, försenad, text search) or a random remiss (scripts/bench-api/trafik.js);
// - single: one session asking one URL, as the bench measured before (a page every request shares).
// The last line is the summary: bench:api inkorg_p99_ms=… list_p99_ms=… status_p99_ms=… (varied) and single_….
import 'reflect-metadata';
import { loadConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { createHttpApp } from '@app/runtime';
import { ApiClient } from '@app/runtime/testing/test-app';
import { DEMO_PASSWORD } from '@app/demo';
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../apps/platform/src/platform.module';
import { benchDatabas } from './bench-databas';
import { Anvandare, anvandare, REMISSER, seed, SOKORD } from './bench-api/bench-data';

const CONNECTIONS = Number(process.argv.find((a) => a.startsWith('--connections='))?.split('=')[1] ?? 50);
const duration = Number(process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1] ?? 10);
const WARMUP = 3;
/** --keep leaves the seeded database for EXPLAIN ANALYZE by hand. */
const keep = process.argv.includes('--keep');

interface Matning {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
  seconds: number;
  nodeCpuMs: number;
}

/**
 * autocannon in a worker thread, off the app's event loop; `options` says what it asks. The CPU time
 * of this process per request (app + load generator, not PostgreSQL) bounds what a quiet machine could reach.
 */
async function measure(options: Partial<autocannon.Options>): Promise<Matning> {
  const cpu = process.cpuUsage();
  const result = await autocannon({ url: 'http://x', connections: CONNECTIONS, duration, workers: 1, ...options });
  const used = process.cpuUsage(cpu);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
    nodeCpuMs: (used.user + used.system) / 1000 / Math.max(1, result.requests.total),
  };
}

/** Varied traffic for one endpoint: the users and the choices trafik.js draws from, in a file its worker reads. */
async function varied(base: string, endpoint: string, users: Anvandare[], remisser: string[]): Promise<Matning> {
  const file = join(tmpdir(), `bench-api-${process.pid}-${endpoint}.json`);
  writeFileSync(file, JSON.stringify({ endpoint, users, remisser, rader: 4900, ord: SOKORD }));
  process.env.BENCH_API_TRAFIK = file;
  const options = { url: base, requests: [{ setupRequest: join(__dirname, 'bench-api', 'trafik.js') }] };
  // Each distinct statement (sort × filters) is prepared once per pooled connection: a few seconds of
  // the same traffic first, so the figures are those of a running platform, not of its first minute.
  await measure({ ...options, duration: WARMUP });
  return measure(options);
}

const rad = (name: string, v: Matning, s: Matning) =>
  `${name.padEnd(7)} varied p50=${v.p50}ms p99=${v.p99}ms rps=${v.rps} errors=${v.errors} node_cpu_ms=${v.nodeCpuMs.toFixed(2)}   single-URL p50=${s.p50}ms p99=${s.p99}ms rps=${s.rps} errors=${s.errors} node_cpu_ms=${s.nodeCpuMs.toFixed(2)}`;

async function run(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: 'false' });
  const { url, infrastructure, drop } = await benchDatabas(config, 'bench');
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    const started = Date.now();
    await seed(url);
    const [{ n }] = await sql(url, 'SELECT count(*)::int AS n FROM remissinstans');
    console.log(`seeded ${REMISSER} remisser, ${n} remissinstanser in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    app = await createHttpApp(
      PlatformModule.forRoot(
        { ...config, DATABASE_POOL_SIZE: 20 },
        { databaseUrl: url, redisUrl: infrastructure.redisUrl },
      ),
      config,
      'bench',
      ['error', 'warn'],
    );
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    const [{ org, ks, namnder }] = await sql(
      url,
      `SELECT o.id AS org, (SELECT id FROM enhet WHERE organisation_id = o.id AND kortnamn = 'KS') AS ks,
              (SELECT array_agg(DISTINCT mottagare_enhet_id) FROM remissinstans WHERE mottagare_enhet_id IS NOT NULL) AS namnder
         FROM organisation o WHERE o.slug = 'enkoping'`,
    );
    const remisser = (await sql(url, `SELECT id FROM remiss WHERE organisation_id = $1`, [org])).map(
      (r) => r.id as string,
    );
    const namndUsers = await anvandare(url, 'namndsekreterare', namnder as string[], CONNECTIONS);
    const ksUsers = await anvandare(url, 'remissansvarig', [ks as string], CONNECTIONS);
    console.log(
      `${CONNECTIONS} users over ${(namnder as string[]).length} nämnder (inkorg), ${CONNECTIONS} at KS (list, status)`,
    );

    // The single-URL reads, as before: one session, one URL.
    const ksClient = await ApiClient.login(base, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    const un = await ApiClient.login(base, 'un.sekreterare@enkoping.demo', DEMO_PASSWORD);
    const [{ enhet, remiss }] = await sql(
      url,
      `SELECT (SELECT id FROM enhet WHERE kortnamn = 'UN') AS enhet, (SELECT id FROM remiss WHERE diarienummer = 'KS2024/2500') AS remiss`,
    );
    const single = (path: string, cookie: string) => measure({ url: `${base}${path}`, headers: { cookie } });

    // The floor every endpoint stands on: the session guard alone (session row + actor with roles).
    const me = await single('/api/auth/me', ksClient.sessionCookie!);
    console.log(`auth/me single-URL p50=${me.p50}ms p99=${me.p99}ms rps=${me.rps} errors=${me.errors}`);
    const inkorg = {
      v: await varied(base, 'inkorg', namndUsers, remisser),
      s: await single(`/api/enheter/${enhet}/inkorg`, un.sessionCookie!),
    };
    console.log(rad('inkorg', inkorg.v, inkorg.s));
    const list = {
      v: await varied(base, 'list', ksUsers, remisser),
      s: await single(
        '/api/remisser?status=utskickad&forsenad=true&page=2&pageSize=50&sort=svarsdatum&order=asc',
        ksClient.sessionCookie!,
      ),
    };
    console.log(rad('list', list.v, list.s));
    const status = {
      v: await varied(base, 'status', ksUsers, remisser),
      s: await single(`/api/remisser/${remiss}/status`, ksClient.sessionCookie!),
    };
    console.log(rad('status', status.v, status.s));

    const all = [inkorg, list, status].flatMap((m) => [m.v, m.s]);
    console.log(
      `bench:api inkorg_p99_ms=${inkorg.v.p99} list_p99_ms=${list.v.p99} status_p99_ms=${status.v.p99} ` +
        `single_inkorg_p99_ms=${inkorg.s.p99} single_list_p99_ms=${list.s.p99} single_status_p99_ms=${status.s.p99} ` +
        `errors=${all.reduce((s, r) => s + r.errors, 0)} varied_requests=${[inkorg, list, status].reduce((s, m) => s + m.v.requests, 0)}`,
    );
  } finally {
    // Requests autocannon left in flight finish before the pool closes.
    await new Promise((r) => setTimeout(r, 500));
    await app?.close();
    if (keep) console.log(`kept database ${url}`);
    else await drop();
    await infrastructure.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
