import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from '@app/core';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { PdfModule, PdfWorkerModule } from '@app/pdf';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { EgenRedis, startEgenRedis } from '@app/reminders/testing/egen-redis';
import { SNABBA_TIDER } from '@app/reminders/testing/paminnelse-testbadd';
import { WorkerProcess } from '@app/reminders/testing/worker-process';
import { commonModules } from '@app/runtime';
import { UtkorgWorkerModule } from '@app/utkorg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ArchiveModule } from '../archive.module';
import { ArkivService } from './arkiv.service';

async function waitUntil(villkor: () => Promise<boolean>, ms: number): Promise<void> {
  for (const slut = Date.now() + ms; Date.now() < slut;) {
    if (await villkor()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

/**
 * The PDF/A rendition is durable outbox work, as reminders are: it survives a flushed Redis and a
 * worker killed mid-conversion (own redis-server; the real reminder-worker app as a child process).
 */
describe('arkivering survives a flushed Redis and a killed worker', () => {
  let redis: EgenRedis;
  let db: TestDatabase;
  let config: AppConfig;
  let dataSource: DataSource;
  let arendeId: string;
  let pdf: Buffer;
  const appar: INestApplicationContext[] = [];

  const start = async (...moduler: unknown[]) => {
    const app = await Test.createTestingModule({
      imports: [...commonModules(config, { databaseUrl: db.url, redisUrl: redis.url }), ...(moduler as never[])],
    }).compile();
    appar.push(await app.init());
    return app;
  };
  /** `antal` answers archived as expediering archives them, each in its own step's transaction. */
  const archive = async (app: INestApplicationContext, antal: number): Promise<string[]> => {
    const arkiv = app.get(ArkivService);
    const ids: string[] = [];
    for (let i = 0; i < antal; i++) {
      const [r] = await app.get(DataSource).transaction((m) =>
        arkiv.registerHandling(m, { filnamn: `svar-${i}.pdf`, mimetyp: 'application/pdf', data: pdf }, [
          {
            arendeId,
            riktning: 'inkommande',
            datum: '2026-03-02',
            motpart: 'Region Uppsala',
            beskrivning: `Yttrande ${i}`,
            registreradAv: null,
            arkivera: { dokumenttyp: 'externt_remissvar', titel: `Yttrande ${i}`, upphov: 'Region Uppsala' },
          },
        ]),
      );
      ids.push(r.arkivhandlingId!);
    }
    return ids;
  };
  const utanPdfa = async (ids: string[]) =>
    (
      await dataSource.query(
        `SELECT count(*)::int AS n FROM arkivhandling WHERE id = ANY($1::uuid[]) AND pdfa_fil_id IS NULL`,
        [ids],
      )
    )[0].n as number;

  beforeAll(async () => {
    redis = await startEgenRedis();
    db = await createTestDatabase();
    config = db.config({ REDIS_URL: redis.url, ...SNABBA_TIDER, OUTBOX_CONCURRENCY: '4', OUTBOX_LEASE_MS: '5000' });
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    await loadDemoData(dataSource);
    [{ id: arendeId }] = await dataSource.query(`SELECT id FROM arende WHERE diarienummer = 'KS2025/118'`);
    pdf = await pdfMedSidor([['Region Uppsala tillstyrker förslaget.'], ['Med vänliga hälsningar']]);
  }, 60_000);
  afterAll(async () => {
    for (const app of appar.reverse()) await app.close();
    await dataSource.destroy();
    await db.drop();
    await redis.stop();
  });

  it('FLUSHALL after the steps committed: the worker that starts afterwards converts every one', async () => {
    const tjanst = await start(PdfModule, ArchiveModule);
    const ids = await archive(tjanst, 3);
    const klient = new Redis(redis.url);
    await klient.flushall();
    await klient.quit();
    expect(await utanPdfa(ids)).toBe(3);
    // A worker process: its reconciler finds the planned rows no job carries any more.
    await start(PdfModule, ArchiveModule, UtkorgWorkerModule);
    await waitUntil(async () => (await utanPdfa(ids)) === 0, 60_000);
    const rader = await dataSource.query(
      `SELECT r.status::text, f.filnamn FROM arkivering r JOIN arkivhandling a ON a.id = r.arkivhandling_id
         JOIN fil f ON f.id = a.pdfa_fil_id WHERE a.id = ANY($1::uuid[]) ORDER BY f.filnamn`,
      [ids],
    );
    expect(rader).toEqual(
      ['svar-0-PDFA.pdf', 'svar-1-PDFA.pdf', 'svar-2-PDFA.pdf'].map((filnamn) => ({ status: 'skickad', filnamn })),
    );
    for (const app of appar.splice(0).reverse()) await app.close();
  }, 120_000);

  it('SIGKILL mid-conversion: after a restart each one has exactly one PDF/A', async () => {
    // This process queues and prints (the pdf queue's worker); the child processes work the outbox off.
    const tjanst = await start(PdfWorkerModule.forRoot(), ArchiveModule);
    const ids = await archive(tjanst, 10);
    const miljo = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      OUTBOX_CONCURRENCY: '4',
      OUTBOX_LEASE_MS: '4000',
      OUTBOX_STALLED_MS: '3000',
      // It sends no mail here; a closed port rather than the development sink.
      SMTP_URL: 'smtp://127.0.0.1:9',
    };
    const forsta = WorkerProcess.start(miljo);
    await waitUntil(async () => (await utanPdfa(ids)) < 10, 90_000);
    await forsta.kill('SIGKILL');
    const kvar = await utanPdfa(ids);
    expect(kvar).toBeGreaterThan(0);
    const andra = WorkerProcess.start(miljo);
    try {
      await waitUntil(async () => (await utanPdfa(ids)) === 0, 90_000);
    } finally {
      await andra.kill('SIGTERM');
    }
    // No rendition twice, none left over from a conversion the kill cut off (its transaction never committed).
    const [{ renditioner }] = await dataSource.query(
      `SELECT count(*)::int AS renditioner FROM fil WHERE filnamn LIKE 'svar-%-PDFA.pdf'`,
    );
    expect(renditioner).toBe(3 + 10);
    console.log(`SIGKILL with ${kvar} of 10 PDF/A renditions still to make; all made once after the restart`);
  }, 240_000);
});
