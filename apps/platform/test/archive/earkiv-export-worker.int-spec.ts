import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { granskaPaket, insertArkiveradHandling } from '@app/archive/testing/arkivpaket-granskning';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { EgenRedis, startEgenRedis } from '@app/reminders/testing/egen-redis';
import { WorkerProcess } from '@app/reminders/testing/worker-process';
import { randomBytes } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';

const vantaTills = async (villkor: () => Promise<boolean>, ms: number, vad: string) => {
  for (const slut = Date.now() + ms; Date.now() < slut;) {
    if (await villkor()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${vad}`);
};

/**
 * A worker killed while it builds a package (the outbox worker app as a child process, its own
 * redis-server): after its lease another worker takes the export over and builds a whole, valid package.
 */
describe('an e-arkiv export whose worker is killed mid-build', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let redis: EgenRedis;
  let las: QueryRunner | undefined;

  beforeAll(async () => {
    redis = await startEgenRedis();
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 3)).initialize();
    await loadDemoData(dataSource);
  });
  afterAll(async () => {
    await las?.release();
    await dataSource.destroy();
    await db.drop();
    await redis.stop();
  });

  it('is taken over after the lease and finished by the next worker: every handling, every checksum', async () => {
    const [arende]: { id: string; organisation_id: string; diarium_id: string }[] = await dataSource.query(
      `INSERT INTO arende (organisation_id, diarium_id, enhet_id, diarienummer, ar, lopnummer, arendemening)
       SELECT d.organisation_id, d.id, e.id, 'UN2099/7', 2099, 7, 'Remiss om skolskjuts'
         FROM diarium d JOIN enhet e ON e.diarium_id = d.id WHERE d.prefix = 'UN'
       RETURNING id, organisation_id, diarium_id`,
    );
    for (let i = 1; i <= 3; i++)
      await insertArkiveradHandling(dataSource, {
        arendeId: arende.id,
        riktning: i % 2 ? 'inkommande' : 'utgaende',
        datum: `2099-01-0${i}`,
        motpart: 'Kommunstyrelsen',
        beskrivning: `Handling ${i}`,
        pdfa: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]),
      });
    // As EarkivExportService.order writes it; the worker's reconciler queues it at start.
    const [{ id }]: { id: string }[] = await dataSource.query(
      `INSERT INTO earkiv_export (organisation_id, diarium_id, arende_id, objid, antal_handlingar)
       VALUES ($1, $2, $3, 'uuid-7d1f6a3e-0c2b-4f4e-9a51-2f1c9b7e0a11', 3) RETURNING id`,
      [arende.organisation_id, arende.diarium_id, arende.id],
    );
    const rad = async () =>
      (
        await dataSource.query(
          `SELECT status::text, klara_handlingar AS klara, forsok, paket_sha256 AS sha,
                  (SELECT count(*)::int FROM earkiv_export_del WHERE export_id = e.id) AS delar
             FROM earkiv_export e WHERE id = $1`,
          [id],
        )
      )[0] as { status: string; klara: number; forsok: number; sha: string | null; delar: number };

    // Hold the package's parts table: the first worker reads and counts every handling, then waits to write.
    las = dataSource.createQueryRunner();
    await las.startTransaction();
    await las.query(`LOCK TABLE earkiv_export_del IN SHARE MODE`);

    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: db.config().QUEUE_PREFIX,
      OUTBOX_LEASE_MS: '2000',
      OUTBOX_STALLED_MS: '2000',
      OUTBOX_RECONCILE_MS: '1000',
    };
    const forsta = WorkerProcess.start(env);
    await vantaTills(async () => (await rad()).klara === 3, 60_000, 'the first worker to count every handling');
    await forsta.kill('SIGKILL');
    expect(await rad()).toMatchObject({ status: 'skickar', klara: 3, forsok: 1, sha: null, delar: 0 });
    await las.rollbackTransaction();

    const andra = WorkerProcess.start(env);
    try {
      await vantaTills(async () => (await rad()).status === 'skickad', 60_000, 'the second worker to finish');
    } finally {
      await andra.kill('SIGTERM');
    }
    const klar = await rad();
    expect(klar).toMatchObject({ status: 'skickad', klara: 3, forsok: 2 });

    const delar: { data: Buffer }[] = await dataSource.query(
      `SELECT data FROM earkiv_export_del WHERE export_id = $1 ORDER BY ordning`,
      [id],
    );
    const paket = await granskaPaket(Buffer.concat(delar.map((d) => d.data)));
    try {
      expect([paket.metsFel, paket.ermsFel, paket.avvikande, paket.olistade]).toEqual(['', '', [], []]);
      expect(paket.filer.filter((f) => f.href.startsWith('representations/rep1/data/'))).toHaveLength(3);
    } finally {
      await paket.stada();
    }
  }, 150_000);
});
