import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig, Clock, SettableClock } from '@app/core';
import { dataSourceOptions, Remissinstans } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { commonModules } from '@app/runtime';
import { UtkorgAvstamning, UtkorgWorkerModule } from '@app/utkorg';
import { DataSource, EntityManager } from 'typeorm';
import { PaminnelsePlanering, PlanerbarInstans } from '../paminnelse-planering';
import { RemindersModule } from '../reminders.module';

/** Quick retries and leases, so SMTP outages and dead workers play out in seconds. */
export const SNABBA_TIDER = {
  OUTBOX_RETRY_BASE_MS: '500',
  OUTBOX_RETRY_MAX_MS: '2000',
  OUTBOX_LEASE_MS: '3000',
  OUTBOX_STALLED_MS: '3000',
  LOG_LEVEL: 'error',
};

/** A process of the outbox (RemindersModule, with UtkorgWorkerModule when it works off rows) on a test database, with a settable clock. */
export async function startWorker(
  config: AppConfig,
  db: { url: string; redisUrl: string },
  clock: Clock,
  worker = true,
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ...commonModules(config, { databaseUrl: db.url, redisUrl: db.redisUrl }),
      ...(worker ? [UtkorgWorkerModule] : []),
      RemindersModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  return moduleRef.init();
}

export interface Testbadd {
  db: TestDatabase;
  redisUrl: string;
  sink: SmtpSink;
  clock: SettableClock;
  config: AppConfig;
  app: INestApplicationContext;
  dataSource: DataSource;
  /** The five instanser of the demo remiss KS2025/118 (UN, SN, TN, KFN, BMN), by kortnamn. */
  instanser: Map<string, Remissinstans>;
  planering: PaminnelsePlanering;
  reconcile(): Promise<unknown>;
  /** Runs `work` in a transaction and hands what it planned to the queue after commit, as the workflow does. */
  inTransaction<T extends { ids: string[] } | void>(work: (m: EntityManager) => Promise<T>): Promise<T>;
  rader(
    where?: string,
    params?: unknown[],
  ): Promise<
    {
      id: string;
      remissinstans_id: string;
      typ: string;
      svarsdatum: string;
      due_at: Date;
      status: string;
      senaste_fel: string | null;
      forsok: number;
    }[]
  >;
  close(): Promise<void>;
}

/** Demo data, an SMTP sink, a settable clock and a worker, on a database and queue prefix of this test file's own. */
export async function createTestbadd(options: {
  nu: Date;
  config?: Record<string, string>;
  worker?: boolean;
  redisUrl?: string;
}): Promise<Testbadd> {
  const db = await createTestDatabase();
  const sink = await new SmtpSink().start();
  const clock = new SettableClock(options.nu);
  const dataSource = await new DataSource(dataSourceOptions(db.url, 4)).initialize();
  await loadDemoData(dataSource);
  const redisUrl = options.redisUrl ?? db.redisUrl;
  const config = db.config({
    SMTP_URL: sink.url,
    PUBLIC_URL: 'https://remiss.enkoping.se',
    REDIS_URL: redisUrl,
    ...SNABBA_TIDER,
    ...options.config,
  });
  const app = await startWorker(config, { url: db.url, redisUrl }, clock, options.worker ?? true);
  const rows: { id: string; kortnamn: string }[] = await dataSource.query(
    `SELECT i.id, e.kortnamn FROM remissinstans i JOIN enhet e ON e.id = i.mottagare_enhet_id JOIN remiss r ON r.id = i.remiss_id WHERE r.diarienummer = 'KS2025/118'`,
  );
  const instanser = new Map<string, Remissinstans>();
  for (const r of rows)
    instanser.set(r.kortnamn, await dataSource.getRepository(Remissinstans).findOneByOrFail({ id: r.id }));
  const planering = app.get(PaminnelsePlanering);
  return {
    db,
    redisUrl,
    sink,
    clock,
    config,
    app,
    dataSource,
    instanser,
    planering,
    reconcile: () => app.get(UtkorgAvstamning).run(),
    async inTransaction(work) {
      const result = await dataSource.transaction(work);
      if (result) await planering.enqueue(result);
      return result;
    },
    rader: (where = 'true', params = []) =>
      dataSource.query(
        `SELECT id, remissinstans_id, typ, svarsdatum::text AS svarsdatum, due_at, status::text, senaste_fel, forsok FROM paminnelse WHERE ${where} ORDER BY due_at, typ`,
        params,
      ),
    async close() {
      await app.close();
      await dataSource.destroy();
      await sink.stop();
      await db.drop();
    },
  };
}

/** `antal` external instanser of the demo remiss (each reminded at `extern-<n>@example.se`), for volume tests. */
export async function createInstanser(
  dataSource: DataSource,
  remissId: string,
  antal: number,
  svarsdatum: string,
): Promise<PlanerbarInstans[]> {
  return dataSource.query(
    `INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, svarsdatum)
     SELECT r.organisation_id, r.id, 'Extern instans ' || n, 'extern-' || n || '@example.se', $3::date FROM remiss r, generate_series(1, $2) AS n WHERE r.id = $1
     RETURNING id, organisation_id AS "organisationId", svarsdatum::text AS svarsdatum`,
    [remissId, antal, svarsdatum],
  );
}

/** Polls until `check` holds (the worker runs on its own); fails after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const slut = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > slut) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
