import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModuleMetadata } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { ClockModule, ConfigModule } from '@app/core';
import { StorageModule } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { UN2025_412 } from '../exempel/un2025-412';
import { PdfFel } from '../pdf-fel';
import { PdfRenderare } from '../pdf-renderare';
import { blanksteg, pdfInfo, pdfText } from '../testing/pdf-verktyg';
import { koAnslutning, PDF_KO } from './pdf-ko';
import { PdfKoKlient } from './pdf-ko-klient.service';
import { PdfKoModule, PdfWorkerModule } from './pdf-ko.module';

describe('the pdf queue', () => {
  let db: TestDatabase;
  let workerApp: TestingModule;
  let tjanstApp: TestingModule;
  let klient: PdfRenderare;

  /** Composed as the apps compose it: the pdf-worker on one side, a service (namnd-service) on the other. */
  const app = (...moduler: ModuleMetadata['imports'] & object) =>
    Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(db.config({ PDF_POOL_SIZE: '2' })),
        ClockModule,
        StorageModule.forRoot({ databaseUrl: db.url, redisUrl: db.redisUrl, poolSize: 1 }),
        ...moduler,
      ],
    }).compile();

  beforeAll(async () => {
    db = await createTestDatabase();
    workerApp = await app(PdfWorkerModule.forRoot());
    workerApp.enableShutdownHooks();
    tjanstApp = await app(PdfKoModule.forRoot());
    klient = tjanstApp.get(PdfRenderare);
  });

  afterAll(async () => {
    await tjanstApp.close();
    await workerApp.close();
    await db.drop();
  });

  it('brings the rendered answer back from the pdf-worker to the service as PDF bytes', async () => {
    const pdfer = await Promise.all(
      [0, 1, 2, 3, 4].map((n) => klient.renderRemissvar({ ...UN2025_412, vartDnr: `UN2025/${500 + n}` })),
    );
    for (const [n, pdf] of pdfer.entries()) {
      expect((await pdfInfo(pdf)).Title).toBe('Svar på remiss om policy för digital omställning');
      expect(blanksteg(await pdfText(pdf, true))).toContain(`Ärendenummer UN2025/${500 + n}`);
    }
  });

  it("returns the worker's error to the caller when the document cannot be rendered", async () => {
    const fel = klient.renderRemissvar({
      ...UN2025_412,
      brevhuvud: { kommun: 'atlantis', enhet: 'Utbildningsnämnden' },
    });
    await expect(fel).rejects.toThrow(PdfFel);
    await expect(fel).rejects.toThrow(/Organisation "atlantis" has neither a letterhead folder nor letterhead fields/);
  });

  it('fails with a clear error, without hanging, when no worker answers, and withdraws the job', async () => {
    const prefix = `${db.redisPrefix}-utan-worker`;
    const ensam = new PdfKoKlient({ redisUrl: db.redisUrl, prefix, timeoutMs: 700 });
    const ko = new Queue(PDF_KO, { connection: koAnslutning(db.redisUrl), prefix });
    try {
      const borjan = Date.now();
      await expect(ensam.renderRemissvar(UN2025_412)).rejects.toThrow(
        /No PDF worker finished remissvar job .* within 700 ms/,
      );
      expect(Date.now() - borjan).toBeLessThan(3000);
      expect(await ko.getJobCounts('wait', 'active')).toEqual({ wait: 0, active: 0 });
    } finally {
      await ensam.onApplicationShutdown();
      await ko.obliterate({ force: true });
      await ko.close();
    }
  });
});
