// npm run bench:api [-- --duration=10 --connections=50 --warmup=6000 --pool=10 --takt=1 --keep]
// Seeds 5,000 remisser × 12 instanser (half answered, a few remissvar drafts each) into a database of
// its own on the configured PostgreSQL (DATABASE_URL, or the embedded one), starts the platform on a
// random port and measures three read paths with autocannon at 50 connections, twice each:
// - varied: one session per simulated user (the inkorg's spread over all eleven nämnder), each request
//   a random page, sort and filter (status, försenad, text search) or a random remiss (scripts/bench-api/trafik.js);
// - single: one session asking one URL, as the bench measured before (a page every request shares);
// - paced: the varied traffic again, each user reading an answer for a random while (--takt requests a
//   second on average, default 1) before asking the next, instead of asking the moment it arrives.
//   The varied and single figures are the platform at saturation, where p99 is mostly time spent
//   queueing behind the other 49 users (on 2 cores shared with PostgreSQL and the load generator);
//   paced is what each of 50 busy people waits for a page.
// Each figure carries cpu_ms=N+P: the CPU time per request of this process (app + load generator) and of
// the PostgreSQL backends serving it. On a shared machine latency follows the neighbours; CPU per request
// is ours, and a quiet 2-core machine serves about 2,000 / (N + P) requests a second.
// The last line is the summary: bench:api inkorg_p99_ms=… list_p99_ms=… status_p99_ms=… (varied) and single_….
import 'reflect-metadata';
import { loadConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { createHttpApp } from '@app/runtime';
import { ApiClient } from '@app/runtime/testing/test-app';
import { DEMO_PASSWORD } from '@app/demo';
import autocannon from 'autocannon';
import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../apps/platform/src/platform.module';
import { benchDatabas } from './bench-databas';
import { Anvandare, anvandare, REMISSER, seed, SOKORD } from './bench-api/bench-data';
import { paced, TaktMatning } from './bench-api/takt';

const CONNECTIONS = Number(process.argv.find((a) => a.startsWith('--connections='))?.split('=')[1] ?? 50);
const duration = Number(process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1] ?? 10);
/** Connections of the platform's pool: its default (DATABASE_POOL_SIZE), unless --pool= says otherwise. */
const POOL = process.argv.find((a) => a.startsWith('--pool='))?.split('=')[1];
/** Requests of varied traffic before each varied measurement (see varied). */
const WARMUP = Number(process.argv.find((a) => a.startsWith('--warmup='))?.split('=')[1] ?? 6000);
/** Requests a second each paced user asks on average (see paced). */
const TAKT = Number(process.argv.find((a) => a.startsWith('--takt='))?.split('=')[1] ?? 1);
/** Paced users are measured longer: at 50 requests a second, 20 s give a p99 of 1,000 latencies. */
const PACED_SECONDS = 2 * duration;
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
  pgCpuMs: number;
}

/**
 * CPU time (ms) the PostgreSQL backends serving this database have used so far, from /proc (the server
 * runs on this machine). Latency on a shared machine says as much about the neighbours as about us;
 * CPU per request (this process' plus PostgreSQL's) is what a quiet machine's throughput follows from.
 */
async function pgCpuMs(url: string): Promise<number> {
  const database = new URL(url).pathname.slice(1);
  const pids = await sql(url, `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
    database,
  ]);
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile (none should: the pool keeps its connections).
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}
/** The bench's own database, whose backends pgCpuMs sums. */
let databaseUrl = '';
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

/**
 * autocannon in a worker thread, off the app's event loop; `options` says what it asks. The CPU time
 * of this process per request (app + load generator, not PostgreSQL) bounds what a quiet machine could reach.
 */
async function measure(options: Partial<autocannon.Options>): Promise<Matning> {
  const pgBefore = await pgCpuMs(databaseUrl);
  const cpu = process.cpuUsage();
  const result = await autocannon({ url: 'http://x', connections: CONNECTIONS, duration, workers: 1, ...options });
  const used = process.cpuUsage(cpu);
  const pgUsed = (await pgCpuMs(databaseUrl)) - pgBefore;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
    nodeCpuMs: (used.user + used.system) / 1000 / Math.max(1, result.requests.total),
    pgCpuMs: pgUsed / Math.max(1, result.requests.total),
  };
}

/**
 * Varied traffic for one endpoint: the users and the choices trafik.js draws from, in a file its
 * worker reads; measured at saturation (each user asks again as soon as answered), then paced.
 */
async function varied(
  base: string,
  endpoint: string,
  users: Anvandare[],
  remisser: string[],
): Promise<{ v: Matning; paced: TaktMatning }> {
  const file = join(tmpdir(), `bench-api-${process.pid}-${endpoint}.json`);
  writeFileSync(file, JSON.stringify({ endpoint, users, remisser, rader: 4900, ord: SOKORD }));
  process.env.BENCH_API_TRAFIK = file;
  const options = { url: base, requests: [{ setupRequest: join(__dirname, 'bench-api', 'trafik.js') }] };
  // Each distinct statement (sort × filters × direction: about 120 per list) is prepared and planned
  // once per pooled connection, some 3 ms each: the same traffic first, counted in requests rather
  // than seconds (a loaded machine gets through fewer), so the figures are those of a running
  // platform, not of its first minute.
  await measure({ ...options, amount: WARMUP });
  return {
    v: await measure(options),
    paced: await paced(base, 'bench-api/trafik.js', users.length, TAKT, PACED_SECONDS),
  };
}

const figures = (m: Matning) =>
  `p50=${m.p50}ms p99=${m.p99}ms rps=${m.rps} errors=${m.errors} cpu_ms=${m.nodeCpuMs.toFixed(2)}+${m.pgCpuMs.toFixed(2)}`;
const rad = (name: string, m: { v: Matning; s: Matning; paced: TaktMatning }) =>
  `${name.padEnd(7)} varied ${figures(m.v)}   single-URL ${figures(m.s)}   paced ${TAKT}/s/user p50=${m.paced.p50}ms p99=${m.paced.p99}ms rps=${m.paced.rps} errors=${m.paced.errors}`;

async function run(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: 'false' });
  const { url, infrastructure, drop } = await benchDatabas(config, 'bench');
  databaseUrl = url;
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    const started = Date.now();
    await seed(url);
    const [{ n }] = await sql(url, 'SELECT count(*)::int AS n FROM remissinstans');
    console.log(`seeded ${REMISSER} remisser, ${n} remissinstanser in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const poolSize = POOL ? Number(POOL) : config.DATABASE_POOL_SIZE;
    app = await createHttpApp(
      PlatformModule.forRoot(
        { ...config, DATABASE_POOL_SIZE: poolSize },
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
      `${CONNECTIONS} users over ${(namnder as string[]).length} nämnder (inkorg), ${CONNECTIONS} at KS (list, status); ${poolSize} pooled database connections`,
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
    console.log(`auth/me single-URL ${figures(me)}`);
    const inkorg = {
      ...(await varied(base, 'inkorg', namndUsers, remisser)),
      s: await single(`/api/enheter/${enhet}/inkorg`, un.sessionCookie!),
    };
    console.log(rad('inkorg', inkorg));
    const list = {
      ...(await varied(base, 'list', ksUsers, remisser)),
      s: await single(
        '/api/remisser?status=utskickad&forsenad=true&page=2&pageSize=50&sort=svarsdatum&order=asc',
        ksClient.sessionCookie!,
      ),
    };
    console.log(rad('list', list));
    const status = {
      ...(await varied(base, 'status', ksUsers, remisser)),
      s: await single(`/api/remisser/${remiss}/status`, ksClient.sessionCookie!),
    };
    console.log(rad('status', status));

    const all = [inkorg, list, status].flatMap((m) => [m.v, m.s, m.paced]);
    console.log(
      `bench:api inkorg_p99_ms=${inkorg.v.p99} list_p99_ms=${list.v.p99} status_p99_ms=${status.v.p99} ` +
        `single_inkorg_p99_ms=${inkorg.s.p99} single_list_p99_ms=${list.s.p99} single_status_p99_ms=${status.s.p99} ` +
        `paced_inkorg_p99_ms=${inkorg.paced.p99} paced_list_p99_ms=${list.paced.p99} paced_status_p99_ms=${status.paced.p99} ` +
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
