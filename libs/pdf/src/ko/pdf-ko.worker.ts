import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { createRedis } from '@app/database';
import { PdfRenderare } from '../pdf-renderare';
import { koAnslutning, PDF_KO, PdfJobb, PdfResultat, RESULTAT_TTL_SEKUNDER, resultatNyckel } from './pdf-ko';

export interface PdfKoWorkerInstallningar {
  redisUrl: string;
  prefix: string;
  /** Jobs taken at once: the Chromium pool's size, so no job waits inside the worker. */
  samtidiga: number;
}

/** Consumes the `pdf` queue: renders with the in-process renderer and leaves the bytes in Redis. */
export class PdfKoWorker implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PdfKoWorker');
  private readonly worker: Worker<PdfJobb, PdfResultat>;
  private readonly redis: Redis;

  constructor(
    private readonly renderare: PdfRenderare,
    private readonly installningar: PdfKoWorkerInstallningar,
  ) {
    this.redis = createRedis(installningar.redisUrl);
    this.worker = new Worker<PdfJobb, PdfResultat>(PDF_KO, (job) => this.process(job), {
      connection: koAnslutning(installningar.redisUrl),
      prefix: installningar.prefix,
      concurrency: installningar.samtidiga,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`PDF job ${job?.id} (${job?.name}) failed: ${error.message}`),
    );
  }

  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Before the Chromium pool closes: jobs in progress finish, no new ones are taken. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async process(job: Job<PdfJobb, PdfResultat>): Promise<PdfResultat> {
    const pdf = await this.render(job.data);
    const nyckel = resultatNyckel(this.installningar.prefix, job.id!);
    await this.redis.set(nyckel, pdf, 'EX', RESULTAT_TTL_SEKUNDER);
    return { nyckel };
  }

  private render(jobb: PdfJobb): Promise<Buffer> {
    switch (jobb.art) {
      case 'remissvar':
        return this.renderare.renderRemissvar(jobb.dokument);
      case 'remissmissiv':
        return this.renderare.renderRemissmissiv(jobb.dokument);
      case 'remissammanstallning':
        return this.renderare.renderRemissammanstallning(jobb.dokument);
      case 'pdfa':
        return this.renderare.toPdfA(Buffer.from(jobb.pdfBase64, 'base64'), jobb.metadata);
    }
  }
}
