import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { sql } from '@app/database/testing/test-infrastructure';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { PdfWorkerModule } from '@app/pdf';
import { EgenRedis, startEgenRedis } from '@app/reminders/testing/egen-redis';
import { WorkerProcess } from '@app/reminders/testing/worker-process';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { commonModules } from '@app/runtime';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { RemissServiceModule } from '../../../remiss-service/src/remiss-service.module';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function vantaTills(villkor: () => Promise<boolean>, ms: number, vad: string): Promise<void> {
  for (const slut = Date.now() + ms; Date.now() < slut;) {
    if (await villkor()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${vad}`);
}

/**
 * The sammanställning's archive copy is durable outbox work, as reminders are: avslut commits its
 * row, and it is archived once even when Redis is flushed before the job runs or the worker is
 * killed mid-job. remiss-service takes the avslut (it only queues); the outbox worker is the real
 * reminder-worker app as a child process; this process is the pdf-worker. Own redis-server.
 */
describe('the archive copy of the sammanställning survives a flushed Redis and a killed worker', () => {
  let redis: EgenRedis;
  let t: TestApp;
  let pdfWorker: INestApplicationContext;
  let ks: ApiClient;
  let registrator: ApiClient;
  let miljo: Record<string, string>;

  /** A remiss sent to Utbildningsnämnden and avslutad through the API; its ärende. */
  const avslutad = async (
    arendemening: string,
  ): Promise<{ remissId: string; arendeId: string; diarienummer: string }> => {
    const [un] = await sql(t.db.url, `SELECT id FROM enhet WHERE namn = 'Utbildningsnämnden'`);
    const { id } = await remissUtkast(ks, arendemening, [{ enhetId: un.id }]);
    expect((await ks.post(`/api/remisser/${id}/skicka`)).status).toBe(200);
    expect((await ks.post(`/api/remisser/${id}/avsluta`)).status).toBe(200);
    const [r] = await sql(t.db.url, `SELECT arende_id, diarienummer FROM remiss WHERE id = $1`, [id]);
    return { remissId: id, arendeId: r.arende_id, diarienummer: r.diarienummer };
  };
  const outboxRad = async (remissId: string) =>
    (
      await sql(
        t.db.url,
        `SELECT status::text, forsok, arkivhandling_id, message_id, dokument IS NOT NULL AS dokument
           FROM sammanstallning_arkivering WHERE remiss_id = $1`,
        [remissId],
      )
    )[0] as {
      status: string;
      forsok: number;
      arkivhandling_id: string | null;
      message_id: string | null;
      dokument: boolean;
    };
  /** Every archived sammanställning of the ärende, with the bytes' own hash beside the stored one. */
  const arkiverade = (arendeId: string) =>
    sql(
      t.db.url,
      `SELECT a.id, a.sha256, encode(sha256(f.data), 'hex') AS faktisk, h.beskrivning
         FROM arkivhandling a JOIN handling h ON h.id = a.handling_id JOIN fil f ON f.id = a.fil_id
        WHERE h.arende_id = $1 AND a.metadata->>'dokumenttyp' = 'remissammanstallning'`,
      [arendeId],
    );
  const sammanstallningar = async (arendeId: string) =>
    (
      await sql(
        t.db.url,
        `SELECT count(*)::int AS n FROM handling WHERE arende_id = $1 AND beskrivning LIKE 'Remissammanställning:%'`,
        [arendeId],
      )
    )[0].n as number;

  beforeAll(async () => {
    redis = await startEgenRedis();
    t = await startTestApp(
      (config, location) =>
        RemissServiceModule.forRoot(config, { ...location, redisUrl: redis.url, stop: async () => undefined }),
      { config: { REDIS_URL: redis.url } },
    );
    pdfWorker = await (
      await Test.createTestingModule({
        imports: [
          ...commonModules(t.config, { databaseUrl: t.db.url, redisUrl: redis.url }),
          PdfWorkerModule.forRoot(),
        ],
      }).compile()
    ).init();
    ks = await t.as('remissansvarig@enkoping.demo');
    registrator = await t.as('registrator@enkoping.demo');
    miljo = {
      DATABASE_URL: t.db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      OUTBOX_LEASE_MS: '2000',
      OUTBOX_STALLED_MS: '2000',
      OUTBOX_RECONCILE_MS: '1000',
      // The avslut notices are not what this tests: a closed port rather than the development sink.
      SMTP_URL: 'smtp://127.0.0.1:9',
    };
  }, 120_000);
  afterAll(async () => {
    await pdfWorker?.close();
    await t?.close();
    await redis?.stop();
  });

  it('FLUSHALL between avslut and the job: the worker started afterwards archives it, the hash its bytes', async () => {
    const { remissId, arendeId, diarienummer } = await avslutad('Remiss om lekplatser');
    // No process works the outbox yet: avslut committed the row and nothing else.
    expect(await outboxRad(remissId)).toMatchObject({
      status: 'planerad',
      forsok: 0,
      arkivhandling_id: null,
      dokument: true,
    });
    expect(await arkiverade(arendeId)).toEqual([]);
    const klient = new Redis(redis.url);
    await klient.flushall();
    await klient.quit();

    const worker = WorkerProcess.start(miljo);
    try {
      await vantaTills(async () => (await outboxRad(remissId)).status === 'skickad', 90_000, 'the archive copy');
    } finally {
      await worker.kill('SIGTERM');
    }
    const rader = await arkiverade(arendeId);
    expect(rader).toHaveLength(1);
    const [rad] = rader;
    // Archived: the row keeps its receipt, not the document (the arkivhandling holds that).
    expect(await outboxRad(remissId)).toMatchObject({
      forsok: 1,
      arkivhandling_id: rad.id,
      message_id: rad.id,
      dokument: false,
    });
    expect(rad.faktisk).toBe(rad.sha256);
    const original = await registrator.get(`/api/arkiv/${rad.id}/original.pdf`);
    expect(sha256(original.body)).toBe(rad.sha256);
    const text = await pdfText(original.body);
    // The sammanställning at avslut, on the organisation's letterhead.
    for (const del of [
      'Remissammanställning: Remiss om lekplatser',
      diarienummer,
      'Ingen remissinstans har svarat på frågan.',
      'Kungsgatan 42, Enköping',
    ])
      expect(text).toContain(del);
  }, 150_000);

  it('SIGKILL mid-job, and a crash after the registration committed: archived exactly once', async () => {
    const { remissId, arendeId } = await avslutad('Remiss om gång- och cykelvägar');
    // Hold the ärende: the first worker prints, then waits inside its registration for this lock.
    const las = new Client({ connectionString: t.db.url });
    await las.connect();
    await las.query('BEGIN');
    await las.query('SELECT id FROM arende WHERE id = $1 FOR UPDATE', [arendeId]);
    const forsta = WorkerProcess.start(miljo);
    try {
      await vantaTills(
        async () =>
          (
            await sql(
              t.db.url,
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM arende WHERE id = $1 FOR UPDATE%'`,
            )
          )[0].n === 1,
        90_000,
        'the first worker to print and wait in its registration',
      );
    } finally {
      await forsta.kill('SIGKILL');
      await las.query('ROLLBACK');
      await las.end();
    }
    expect(await outboxRad(remissId)).toMatchObject({ status: 'skickar', forsok: 1, arkivhandling_id: null });

    const andra = WorkerProcess.start(miljo);
    try {
      await vantaTills(async () => (await outboxRad(remissId)).status === 'skickad', 90_000, 'the second worker');
      const [rad] = await arkiverade(arendeId);
      expect(await outboxRad(remissId)).toMatchObject({ forsok: 2, arkivhandling_id: rad.id });

      // A worker killed after the registration's commit, before it settled the row: leased, its lease run out.
      await sql(
        t.db.url,
        `UPDATE sammanstallning_arkivering SET status = 'skickar', lease_until = now() - interval '1 second',
                skickad_at = NULL, message_id = NULL WHERE remiss_id = $1`,
        [remissId],
      );
      await vantaTills(async () => (await outboxRad(remissId)).status === 'skickad', 30_000, 'the takeover');
      expect(await outboxRad(remissId)).toMatchObject({ forsok: 3, arkivhandling_id: rad.id, message_id: rad.id });
    } finally {
      await andra.kill('SIGTERM');
    }
    const rader = await arkiverade(arendeId);
    expect(rader).toHaveLength(1);
    expect(rader[0].faktisk).toBe(rader[0].sha256);
    expect(await sammanstallningar(arendeId)).toBe(1);
    // The killed worker's registration never committed: no file of it is left behind.
    const [{ filer }] = await sql(
      t.db.url,
      `SELECT count(*)::int AS filer FROM fil f JOIN remiss r ON f.filnamn = replace(r.diarienummer, '/', '-') || '-remissammanstallning.pdf'
        WHERE r.id = $1`,
      [remissId],
    );
    expect(filer).toBe(1);
  }, 240_000);
});
