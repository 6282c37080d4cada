// npm run bench:api [-- --duration=20 --connections=50 --keep]
// Seeds 5,000 remisser × 12 instanser (half answered, a few remissvar drafts each) into a database of
// its own on the configured PostgreSQL (DATABASE_URL, or the embedded one), starts the platform on a
// random port and measures three read paths with autocannon at 50 connections. The last line is the
// summary: bench:api inkorg_p99_ms=… status_p99_ms=… list_p99_ms=… errors=… rps=…
import 'reflect-metadata';
import { loadConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { createHttpApp } from '@app/runtime';
import { ApiClient } from '@app/runtime/testing/test-app';
import { DEMO_PASSWORD } from '@app/demo';
import autocannon from 'autocannon';
import { AddressInfo } from 'node:net';
import { PlatformModule } from '../apps/platform/src/platform.module';
import { benchDatabas } from './bench-databas';

const REMISSER = 5000;
const CONNECTIONS = Number(process.argv.find((a) => a.startsWith('--connections='))?.split('=')[1] ?? 50);
const duration = Number(process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1] ?? 20);
/** --keep leaves the seeded database for EXPLAIN ANALYZE by hand. */
const keep = process.argv.includes('--keep');

/** Six more enheter so every remiss can go to 11 enheter of Enköping plus one external party. */
const EXTRA_ENHETER = [
  'Valnämnden',
  'Överförmyndarnämnden',
  'Miljönämnden',
  'Räddningsnämnden',
  'Revisionen',
  'Krisledningsnämnden',
];

/** Bulk SQL: one statement per table, generate_series for the rows. */
async function seed(url: string): Promise<void> {
  const [org] = await sql(url, `SELECT id FROM organisation WHERE slug = 'enkoping'`);
  await sql(
    url,
    `INSERT INTO enhet (organisation_id, namn, kortnamn, typ, funktionsbrevlada) SELECT $1, n, 'B' || i, 'namnd', 'b' || i || '@enkoping.se' FROM unnest($2::text[]) WITH ORDINALITY AS t(n, i)`,
    [org.id, EXTRA_ENHETER],
  );
  await sql(
    url,
    `INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, missiv, svarsdatum, status, utskickad_at, kontaktperson_namn, kontaktperson_epost)
     SELECT $1, (SELECT id FROM enhet WHERE organisation_id = $1 AND kortnamn = 'KS'), 'KS2024/' || g,
            (ARRAY['Förslag till policy för digital omställning', 'Översiktsplan för landsbygden', 'Riktlinjer för bidrag till föreningar',
                   'Plan för klimatanpassning', 'Program för trygghet och säkerhet', 'Strategi för kompetensförsörjning',
                   'Taxa för offentlig kontroll', 'Reglemente för nämnderna', 'Avfallsplan', 'Bostadsförsörjningsprogram'])[1 + g % 10] || ' ' || g,
            'Synpunkter önskas.', DATE '2025-01-02' + (g % 700),
            (CASE WHEN g % 50 = 0 THEN 'utkast' WHEN g % 7 = 0 THEN 'avslutad' ELSE 'utskickad' END)::remiss_status,
            CASE WHEN g % 50 = 0 THEN NULL ELSE TIMESTAMPTZ '2025-01-02' + (g % 700) * interval '1 day' - interval '30 days' END,
            'Karin Lind', 'remissansvarig@enkoping.demo'
       FROM generate_series(1, $2::int) g`,
    [org.id, REMISSER],
  );
  // 11 enheter of Enköping (not KS) + one external party per sent remiss; every other instans answered.
  await sql(
    url,
    `INSERT INTO remissinstans (organisation_id, remiss_id, namn, mottagare_organisation_id, mottagare_enhet_id, status, svarsdatum, besvarad_at, mottagare_diarienummer)
     SELECT $1, r.id, e.namn, $1, e.id,
            (CASE WHEN (row_number() OVER ()) % 2 = 0 THEN 'besvarad' ELSE (ARRAY['inbjuden', 'registrerad', 'under_beredning'])[1 + (row_number() OVER ()) % 3] END)::remissinstans_status,
            r.svarsdatum, CASE WHEN (row_number() OVER ()) % 2 = 0 THEN r.svarsdatum - 3 END,
            CASE WHEN (row_number() OVER ()) % 3 <> 1 THEN e.kortnamn || '2025/' || (row_number() OVER ()) END
       FROM remiss r CROSS JOIN enhet e
      WHERE r.organisation_id = $1 AND r.status <> 'utkast' AND r.diarienummer LIKE 'KS2024/%' AND e.organisation_id = $1 AND e.kortnamn <> 'KS'`,
    [org.id],
  );
  await sql(
    url,
    `INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, status, svarsdatum)
     SELECT $1, r.id, 'Region Uppsala', 'registrator@regionuppsala.se', 'inbjuden', r.svarsdatum FROM remiss r
      WHERE r.organisation_id = $1 AND r.status <> 'utkast' AND r.diarienummer LIKE 'KS2024/%'`,
    [org.id],
  );
  // The nämnder's drafts: a remissvar utkast for every instans under beredning (a few per remiss).
  await sql(
    url,
    `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, inledning)
     SELECT i.mottagare_organisation_id, i.mottagare_enhet_id, i.id, 'utkast', 'Svar på remiss', 'Nämnden har tagit del av förslaget.'
       FROM remissinstans i WHERE i.organisation_id = $1 AND i.status = 'under_beredning'`,
    [org.id],
  );
  // A live database is kept vacuumed by autovacuum; right after a bulk load the visibility map is
  // empty and every index-only scan would visit the heap, which no user ever sees.
  await sql(url, 'VACUUM ANALYZE');
}

async function measure(name: string, url: string, cookie: string) {
  // autocannon runs in a worker thread, off the app's event loop. The CPU time of this process per
  // request (app + load generator) bounds the throughput a quiet machine could reach.
  const cpu = process.cpuUsage();
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie }, workers: 1 });
  const used = process.cpuUsage(cpu);
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpuPerRequest = ((used.user + used.system) / 1000 / Math.max(1, result.requests.total)).toFixed(2);
  console.log(
    `${name.padEnd(7)} p50=${result.latency.p50}ms p99=${result.latency.p99}ms rps=${Math.round(result.requests.average)} requests=${result.requests.total} errors=${errors} node_cpu_ms_per_request=${cpuPerRequest}`,
  );
  return { p99: result.latency.p99, errors, requests: result.requests.total, seconds: result.duration };
}

async function explain(url: string, label: string, query: string, params: unknown[]): Promise<void> {
  const plan = (await sql(url, `EXPLAIN ${query}`, params)).map((r) => r['QUERY PLAN'] as string);
  const seqScans = plan.filter((l) => /Seq Scan on (remiss|remissinstans|remissvar|remiss_forsening)\b/.test(l));
  console.log(
    `plan ${label}: ${seqScans.length ? `SEQUENTIAL SCAN: ${seqScans.join(' | ').trim()}` : 'index scans only'}`,
  );
}

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
    const ks = await ApiClient.login(base, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    const un = await ApiClient.login(base, 'un.sekreterare@enkoping.demo', DEMO_PASSWORD);
    const [{ enhet, remiss }] = await sql(
      url,
      `SELECT (SELECT id FROM enhet WHERE kortnamn = 'UN') AS enhet, (SELECT id FROM remiss WHERE diarienummer = 'KS2024/2500') AS remiss`,
    );
    const idag = new Date().toISOString().slice(0, 10);
    await explain(url, 'status', `SELECT * FROM remissinstans i WHERE i.remiss_id = $1 ORDER BY namn`, [remiss]);
    await explain(
      url,
      'list',
      `SELECT r.id FROM remiss r WHERE r.organisation_id = (SELECT organisation_id FROM remiss WHERE id = $1) AND r.status = 'utskickad' AND EXISTS (SELECT 1 FROM remiss_forsening f WHERE f.remiss_id = r.id AND f.forsta_oppna_svarsdatum < $2::date) ORDER BY r.svarsdatum LIMIT 50`,
      [remiss, idag],
    );
    await explain(
      url,
      'inkorg',
      `SELECT i.id FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id LEFT JOIN remissvar s ON s.remissinstans_id = i.id WHERE i.mottagare_enhet_id = $1 ORDER BY i.svarsdatum, i.id LIMIT 50`,
      [enhet],
    );

    // The floor every endpoint stands on: the session guard alone (session row + actor with roles).
    await measure('auth/me', `${base}/api/auth/me`, ks.sessionCookie!);
    const inkorg = await measure('inkorg', `${base}/api/enheter/${enhet}/inkorg`, un.sessionCookie!);
    const status = await measure('status', `${base}/api/remisser/${remiss}/status`, ks.sessionCookie!);
    const list = await measure(
      'list',
      `${base}/api/remisser?status=utskickad&forsenad=true&page=2&pageSize=50&sort=svarsdatum&order=asc`,
      ks.sessionCookie!,
    );
    const all = [inkorg, status, list];
    const rps = Math.round(all.reduce((s, r) => s + r.requests, 0) / all.reduce((s, r) => s + r.seconds, 0));
    console.log(
      `bench:api inkorg_p99_ms=${inkorg.p99} status_p99_ms=${status.p99} list_p99_ms=${list.p99} errors=${all.reduce((s, r) => s + r.errors, 0)} rps=${rps}`,
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
