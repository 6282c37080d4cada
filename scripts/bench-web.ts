// npm run bench:web [-- --duration=10 --connections=50]
// The pages under load as nämnder make it, on bench:api's data (5,000 remisser × 12 instanser): one
// session per simulated user spread over the eleven nämnder, at 50 connections, for two pages:
// - inkorg: /inkorg with a random page, sort and filter (status, försenad, text search);
// - editor: /inkorg/:instansId/svar of a random draft answer of the user's own enhet.
// Server time is Fastify's own per response (reply.elapsedTime: from the request's arrival to the
// last byte written), the client's latency (autocannon) beside it. Target: server p99 ≤ 100 ms.
import 'reflect-metadata';
import { loadConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { createHttpApp } from '@app/runtime';
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../apps/platform/src/platform.module';
import { Anvandare, anvandare, REMISSER, seed, SOKORD } from './bench-api/bench-data';
import { benchDatabas } from './bench-databas';

const CONNECTIONS = Number(process.argv.find((a) => a.startsWith('--connections='))?.split('=')[1] ?? 50);
const duration = Number(process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1] ?? 10);
const WARMUP = 3;

type Sida = 'inkorg' | 'editor';

/** Server times of the responses while one measurement runs, by page. */
const serverMs: Record<Sida, number[]> = { inkorg: [], editor: [] };
let recording = false;

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};

interface Matning {
  sida: Sida;
  clientP99: number;
  serverP50: number;
  serverP99: number;
  rps: number;
  errors: number;
  requests: number;
}

async function measure(base: string, sida: Sida, users: Anvandare[], utkast: Record<string, string[]>) {
  const file = join(tmpdir(), `bench-web-${process.pid}-${sida}.json`);
  writeFileSync(file, JSON.stringify({ sida, users, utkast, rader: 4900 / 11, ord: SOKORD }));
  process.env.BENCH_WEB_TRAFIK = file;
  const options = {
    url: base,
    connections: CONNECTIONS,
    workers: 1,
    requests: [{ setupRequest: join(__dirname, 'bench-web', 'trafik.js') }],
  };
  await autocannon({ ...options, duration: WARMUP });
  serverMs[sida] = [];
  recording = true;
  const result = await autocannon({ ...options, duration });
  recording = false;
  return {
    sida,
    clientP99: result.latency.p99,
    serverP50: p(serverMs[sida], 0.5),
    serverP99: p(serverMs[sida], 0.99),
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  } satisfies Matning;
}

async function run(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: 'false' });
  const { url, infrastructure, drop } = await benchDatabas(config, 'benchweb');
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    await seed(url);
    const [{ n }] = await sql(url, 'SELECT count(*)::int AS n FROM remissinstans');
    console.log(`seeded ${REMISSER} remisser, ${n} remissinstanser`);
    app = await createHttpApp(
      PlatformModule.forRoot(
        { ...config, DATABASE_POOL_SIZE: 20 },
        { databaseUrl: url, redisUrl: infrastructure.redisUrl },
      ),
      config,
      'bench',
      ['error', 'warn'],
    );
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onResponse', (req, reply, done) => {
        if (recording) {
          const path = req.url.split('?')[0];
          if (path === '/inkorg') serverMs.inkorg.push(reply.elapsedTime);
          else if (path.endsWith('/svar')) serverMs.editor.push(reply.elapsedTime);
        }
        done();
      });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    const [{ namnder }] = await sql(
      url,
      `SELECT array_agg(DISTINCT mottagare_enhet_id) AS namnder FROM remissinstans WHERE mottagare_enhet_id IS NOT NULL`,
    );
    const users = await anvandare(url, 'namndsekreterare', namnder as string[], CONNECTIONS);
    const rows = await sql(
      url,
      `SELECT i.mottagare_enhet_id AS enhet, array_agg(i.id) AS ids FROM remissvar v JOIN remissinstans i ON i.id = v.remissinstans_id
        WHERE v.status = 'utkast' AND i.mottagare_enhet_id IS NOT NULL GROUP BY i.mottagare_enhet_id`,
    );
    const utkast = Object.fromEntries(rows.map((r) => [r.enhet as string, r.ids as string[]]));
    console.log(`${CONNECTIONS} users over ${(namnder as string[]).length} nämnder`);

    const resultat: Matning[] = [];
    for (const sida of ['inkorg', 'editor'] as const) {
      const m = await measure(base, sida, users, utkast);
      resultat.push(m);
      console.log(
        `${sida.padEnd(7)} server p50=${m.serverP50.toFixed(1)}ms p99=${m.serverP99.toFixed(1)}ms   client p99=${m.clientP99}ms rps=${m.rps} errors=${m.errors} requests=${m.requests}`,
      );
    }
    const [inkorg, editor] = resultat;
    const met = resultat.every((m) => m.serverP99 <= 100 && m.errors === 0);
    console.log(
      `bench:web inkorg_server_p99_ms=${inkorg.serverP99.toFixed(1)} editor_server_p99_ms=${editor.serverP99.toFixed(1)} ` +
        `inkorg_client_p99_ms=${inkorg.clientP99} editor_client_p99_ms=${editor.clientP99} ` +
        `errors=${inkorg.errors + editor.errors} target=${met ? 'met' : 'missed'}`,
    );
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await app?.close();
    await drop();
    await infrastructure.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
