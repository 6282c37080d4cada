import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { SystemClock } from '@app/core';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { ChromiumPool } from '../chromium/chromium-pool';
import { hittaChromium } from '../chromium/chromium-sokvag';
import { UN2025_412 } from '../exempel/un2025-412';
import { Mallar } from '../mallar/mallar';
import { PdfFel } from '../pdf-fel';
import { PdfService } from '../pdf.service';
import { PdfaKonverterare } from '../pdfa/pdfa-konverterare';
import { blanksteg, pdfInfo, pdfText } from '../testing/pdf-verktyg';
import { koAnslutning, PDF_KO } from './pdf-ko';
import { PdfKoKlient } from './pdf-ko-klient';
import { PdfKoWorker } from './pdf-ko-worker';

describe('the pdf queue', () => {
  let db: TestDatabase;
  let pool: ChromiumPool;
  let worker: PdfKoWorker;
  let klient: PdfKoKlient;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new ChromiumPool({ chromium: hittaChromium(undefined), storlek: 2, omstartEfter: 200, timeoutMs: 15000 });
    const service = new PdfService(new Mallar('templates'), pool, new PdfaKonverterare({ ghostscript: 'gs', iccProfil: '/usr/share/color/icc/ghostscript/srgb.icc', timeoutMs: 15000 }), new SystemClock());
    worker = new PdfKoWorker(service, { redisUrl: db.redisUrl, prefix: db.redisPrefix, samtidiga: 2 });
    await worker.redo();
    klient = new PdfKoKlient({ redisUrl: db.redisUrl, prefix: db.redisPrefix, timeoutMs: 20000 });
  });

  afterAll(async () => {
    await klient.onApplicationShutdown();
    await worker.beforeApplicationShutdown();
    await pool.stang();
    await db.drop();
  });

  it('brings the rendered answer back to the caller as PDF bytes', async () => {
    const pdfer = await Promise.all([0, 1, 2, 3, 4].map((n) => klient.renderRemissvar({ ...UN2025_412, vartDnr: `UN2025/${500 + n}` })));
    for (const [n, pdf] of pdfer.entries()) {
      expect((await pdfInfo(pdf)).Title).toBe('Svar på remiss om policy för digital omställning');
      expect(blanksteg(await pdfText(pdf, true))).toContain(`Vårt dnr UN2025/${500 + n}`);
    }
  });

  it('returns the worker\'s error to the caller when the document cannot be rendered', async () => {
    const fel = klient.renderRemissvar({ ...UN2025_412, brevhuvud: { kommun: 'atlantis', enhet: 'Utbildningsnämnden' } });
    await expect(fel).rejects.toThrow(PdfFel);
    await expect(fel).rejects.toThrow(/kommun "atlantis"/);
  });

  it('fails with a clear error, without hanging, when no worker answers, and withdraws the job', async () => {
    const prefix = `${db.redisPrefix}-utan-worker`;
    const ensam = new PdfKoKlient({ redisUrl: db.redisUrl, prefix, timeoutMs: 700 });
    const ko = new Queue(PDF_KO, { connection: koAnslutning(db.redisUrl), prefix });
    try {
      const borjan = Date.now();
      await expect(ensam.renderRemissvar(UN2025_412)).rejects.toThrow(/No PDF worker finished remissvar job .* within 700 ms/);
      expect(Date.now() - borjan).toBeLessThan(3000);
      expect(await ko.getJobCounts('wait', 'active')).toEqual({ wait: 0, active: 0 });
    } finally {
      await ensam.onApplicationShutdown();
      await ko.obliterate({ force: true });
      await ko.close();
    }
  });
});
