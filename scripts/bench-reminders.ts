// npm run bench:reminders
// On a database and a redis-server of its own: plans reminders for 60,000 instanser (240,000 rows and
// jobs) and compares with the same number of bare queue.addBulk jobs; FLUSHALLs Redis and times the
// reconciler; makes 10,000 reminders due at one moment and measures the lag from due time to the
// mail reaching a fast SMTP sink. Last line: bench:reminders plan_ratio=… reconcile_s=… lag_p50_ms=…
// lag_p99_ms=… lost=… duplicates=…
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig, stockholmDatum, workingDaysAfter } from '@app/core';
import { dataSourceOptions, provideInfrastructure, runMigrations } from '@app/database';
import { sql, withDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { messageIdFor } from '@app/mail';
import { PaminnelsePlanering, PlanerbarInstans, RemindersModule } from '@app/reminders';
import { startEgenRedis } from '@app/reminders/testing/egen-redis';
import { commonModules } from '@app/runtime';
import { bullmqConnection, UtkorgAvstamning, UtkorgWorkerModule } from '@app/utkorg';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const REMISSER = 5000;
const INSTANSER_PER_REMISS = 12;
const PAMINNELSER_PER_INSTANS = 4;
/** Remisser sent at the same time, by as many concurrent requests. */
const SAMTIDIGA = 4;
const SAMTIDIGT_FORFALLNA = 10_000;
/** Rounds in which the addBulk floor and the planning alternate. */
const OMGANGAR = 10;

/** Runs `arbete` over `poster` with `samtidiga` at a time. */
async function parallellt<T>(poster: T[], samtidiga: number, arbete: (post: T) => Promise<void>): Promise<void> {
  let nasta = 0;
  await Promise.all(
    Array.from({ length: samtidiga }, async () => {
      while (nasta < poster.length) await arbete(poster[nasta++]);
    }),
  );
}

const sekunder = (fran: number) => (Date.now() - fran) / 1000;
const percentil = (sorterade: number[], p: number) =>
  sorterade[Math.min(sorterade.length - 1, Math.ceil((p / 100) * sorterade.length) - 1)];

async function app(
  config: AppConfig,
  location: { databaseUrl: string; redisUrl: string },
  worker: boolean,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    {
      module: class BenchApp {},
      imports: [...commonModules(config, location), ...(worker ? [UtkorgWorkerModule] : []), RemindersModule],
    },
    { logger: ['error', 'warn'] },
  );
}

async function main(): Promise<void> {
  const redis = await startEgenRedis();
  const infrastructure = await provideInfrastructure(loadConfig({ ...process.env, REDIS_URL: redis.url }));
  const sink = fork(`${__dirname}/bench-reminders/snabb-smtp-sink.ts`, [], {
    execArgv: ['-r', 'ts-node/register'],
    env: { ...process.env, TS_NODE_PROJECT: `${__dirname}/tsconfig.json` },
  });
  const sinkPort = await new Promise<number>((r) => sink.once('message', (m: { port: number }) => r(m.port)));
  const adminUrl = withDatabase(infrastructure.databaseUrl, 'postgres');
  const databas = `remiss_bench_reminders_${randomBytes(4).toString('hex')}`;
  await sql(adminUrl, `CREATE DATABASE ${databas}`);
  const url = withDatabase(adminUrl, databas);
  const apps: INestApplicationContext[] = [];
  try {
    await runMigrations(url);
    const dataSource = await new DataSource(dataSourceOptions(url, 4)).initialize();
    await loadDemoData(dataSource);
    console.log(`seeding ${REMISSER} remisser × ${INSTANSER_PER_REMISS} instanser …`);
    await sql(
      url,
      `
      INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, svarsdatum, status, utskickad_at, kontaktperson_namn, kontaktperson_epost)
      SELECT o.id, e.id, 'KS2026/' || g, 'Remiss nummer ' || g, DATE '2027-03-01' + (g % 200), 'utskickad', now(), 'Karin Lind', 'remissansvarig@enkoping.demo'
        FROM organisation o JOIN enhet e ON e.organisation_id = o.id AND e.kortnamn = 'KS', generate_series(1, ${REMISSER}) g WHERE o.slug = 'enkoping';
      INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, svarsdatum)
      SELECT r.organisation_id, r.id, 'Instans ' || n, 'instans-' || n || '@example.se', r.svarsdatum
        FROM remiss r, generate_series(1, ${INSTANSER_PER_REMISS}) n WHERE r.diarienummer LIKE 'KS2026/%';`,
    );
    // For the lag: remisser due in three working days, whose "3 working days before" reminders all fall due at one moment.
    await sql(
      url,
      `
      INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, svarsdatum, status, utskickad_at)
      SELECT o.id, e.id, 'KS2026/L' || g, 'Brådskande remiss ' || g, $1::date, 'utskickad', now()
        FROM organisation o JOIN enhet e ON e.organisation_id = o.id AND e.kortnamn = 'KS', generate_series(1, ${SAMTIDIGT_FORFALLNA / 10}) g WHERE o.slug = 'enkoping'`,
      [workingDaysAfter(stockholmDatum(new Date()), 3)],
    );
    await sql(
      url,
      `
      INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, svarsdatum)
      SELECT r.organisation_id, r.id, 'Instans ' || n, 'brad-' || n || '@example.se', r.svarsdatum
        FROM remiss r, generate_series(1, 10) n WHERE r.diarienummer LIKE 'KS2026/L%'`,
    );
    const remisser: { instanser: PlanerbarInstans[] }[] = await dataSource.query(
      `SELECT json_agg(json_build_object('id', i.id, 'organisationId', i.organisation_id, 'svarsdatum', i.svarsdatum)) AS instanser FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id WHERE r.diarienummer LIKE 'KS2026/%' AND r.diarienummer NOT LIKE 'KS2026/L%' GROUP BY i.remiss_id`,
    );
    const antalJobb = REMISSER * INSTANSER_PER_REMISS * PAMINNELSER_PER_INSTANS;

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'bench',
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      SMTP_MAX_CONNECTIONS: '50',
      OUTBOX_CONCURRENCY: '1000',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
    });
    const location = { databaseUrl: url, redisUrl: redis.url };
    const planeringsapp = await app(config, location, false);
    apps.push(planeringsapp);
    const planering = planeringsapp.get(PaminnelsePlanering);

    // The floor: the same number of delayed jobs through bare addBulk, in the same batches and concurrency.
    // Floor and planning alternate in rounds (which goes first alternates too), so a load that comes
    // and goes on the machine weighs on both alike.
    const golv = new Queue('golv', { connection: bullmqConnection(redis.url), prefix: 'bench' });
    let batch = 0;
    const golvet = (omgang: typeof remisser) =>
      parallellt(omgang, SAMTIDIGA, async () => {
        const b = batch++;
        await golv.addBulk(
          Array.from({ length: INSTANSER_PER_REMISS * PAMINNELSER_PER_INSTANS }, (_, i) => ({
            name: 'paminnelse',
            data: { id: randomBytes(16).toString('hex') },
            opts: { jobId: `golv-${b}-${i}`, delay: 86_400_000 * (100 + (i % 4)) },
          })),
        );
      });
    let planerade = 0;
    const planeringen = (omgang: typeof remisser) =>
      parallellt(omgang, SAMTIDIGA, async ({ instanser }) => {
        const planerat = await dataSource.transaction((m) => planering.plan(m, instanser));
        await planering.enqueue(planerat);
        planerade += planerat.ids.length;
      });
    let golvS = 0;
    let planS = 0;
    const perOmgang = Math.ceil(remisser.length / OMGANGAR);
    for (let o = 0; o < OMGANGAR; o++) {
      const omgang = remisser.slice(o * perOmgang, (o + 1) * perOmgang);
      for (const steg of o % 2 === 0 ? (['golv', 'plan'] as const) : (['plan', 'golv'] as const)) {
        const start = Date.now();
        if (steg === 'golv') {
          await golvet(omgang);
          golvS += sekunder(start);
        } else {
          await planeringen(omgang);
          planS += sekunder(start);
        }
      }
    }
    await golv.obliterate({ force: true });
    await golv.close();
    console.log(`addBulk floor: ${antalJobb} jobs in ${golvS.toFixed(1)} s`);
    console.log(`planned ${planerade} reminders (rows + jobs) in ${planS.toFixed(1)} s`);

    const klient = new Redis(redis.url);
    await klient.flushall();
    const start = Date.now();
    const avstamning = await planeringsapp.get(UtkorgAvstamning).run();
    const reconcileS = sekunder(start);
    console.log(`FLUSHALL, then the reconciler re-added ${avstamning.tillagda} jobs in ${reconcileS.toFixed(1)} s`);

    const workerapp = await app(config, location, true);
    apps.push(workerapp);
    await workerapp.get(UtkorgAvstamning).done();
    const due = new Date(Date.now() + 3000);
    const lagRader: { id: string }[] = await dataSource.query(
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at)
       SELECT organisation_id, id, 'fore_3', svarsdatum, $1 FROM remissinstans WHERE extern_epost LIKE 'brad-%' RETURNING id`,
      [due],
    );
    await planering.enqueue({ ids: lagRader.map((r) => r.id) });
    const vantade = new Set(lagRader.map((r) => messageIdFor('paminnelse', r.id)));
    const hamta = () =>
      new Promise<[string, number][]>((r) => {
        sink.once('message', (m: { mottagna: [string, number][] }) => r(m.mottagna));
        sink.send('rapport');
      });
    let mottagna: [string, number][] = [];
    for (const slut = due.getTime() + 120_000; Date.now() < slut;) {
      await new Promise((r) => setTimeout(r, 1000));
      mottagna = (await hamta()).filter(([id]) => vantade.has(id));
      if (new Set(mottagna.map(([id]) => id)).size === vantade.size) break;
    }
    await new Promise((r) => setTimeout(r, 2000)); // late duplicates, if any
    mottagna = (await hamta()).filter(([id]) => vantade.has(id));
    const forsta = new Map<string, number>();
    for (const [id, at] of mottagna) if (!forsta.has(id)) forsta.set(id, at);
    const lag = [...forsta.values()].map((at) => at - due.getTime()).sort((a, b) => a - b);
    const lost = vantade.size - forsta.size;
    const duplicates = mottagna.length - forsta.size;
    const [{ skickade }] = await dataSource.query(
      `SELECT count(*)::int AS skickade FROM paminnelse WHERE id = ANY($1::uuid[]) AND status = 'skickad'`,
      [lagRader.map((r) => r.id)],
    );
    console.log(
      `${SAMTIDIGT_FORFALLNA} due at once: ${forsta.size} received (${skickade} rows skickad), first after ${lag[0]} ms, last after ${lag[lag.length - 1]} ms`,
    );
    await dataSource.destroy();
    await klient.quit();
    console.log(
      `bench:reminders plan_ratio=${(planS / golvS).toFixed(2)} reconcile_s=${reconcileS.toFixed(1)} lag_p50_ms=${percentil(lag, 50) ?? -1} lag_p99_ms=${percentil(lag, 99) ?? -1} lost=${lost} duplicates=${duplicates}`,
    );
  } finally {
    for (const a of apps.reverse()) await a.close().catch(() => undefined);
    sink.kill();
    await redis.stop();
    await sql(adminUrl, `DROP DATABASE IF EXISTS ${databas} WITH (FORCE)`);
    await infrastructure.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
