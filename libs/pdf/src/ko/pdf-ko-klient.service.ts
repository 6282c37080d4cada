import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Queue, QueueEvents } from 'bullmq';
import type Redis from 'ioredis';
import { createRedis, redisIsAway } from '@app/database';
import { PdfMetadata, RemissammanstallningDokument, RemissmissivDokument, RemissvarDokument } from '../dokument';
import { within, PdfFel } from '../pdf-fel';
import { PdfRenderare } from '../pdf-renderare';
import { PDF_KO, PdfJobb, PdfResultat } from './pdf-ko';

export interface PdfKoInstallningar {
  redisUrl: string;
  /** BullMQ key prefix; tests give each file its own. */
  prefix: string;
  /** How long a caller waits for the worker before it gets an error. */
  timeoutMs: number;
  /** How long adding the job may take (QUEUE_ADD_TIMEOUT_MS; default `timeoutMs`); Redis away fails at once. */
  addTimeoutMs?: number;
}

/** How long closing the queue's connections may take at shutdown. */
const STANG_MS = 2000;

/**
 * Asks the pdf-worker for a PDF through the `pdf` queue and returns its bytes. A failed render
 * comes back as the worker's error; no answer within the timeout (no worker running, Redis gone)
 * is an error too, and the job is withdrawn so it is not rendered for nobody later.
 */
export class PdfKoKlient extends PdfRenderare implements OnApplicationShutdown {
  private readonly ko: Queue;
  private readonly handelser: QueueEvents;
  private readonly redis: Redis;
  /** The connections of the queue and its events are ours, so shutdown can cut them (see onApplicationShutdown). */
  private readonly anslutningar: Redis[];
  private redo: Promise<unknown> | undefined;
  private readonly logger = new Logger('PdfKoKlient');

  constructor(private readonly installningar: PdfKoInstallningar) {
    super();
    this.anslutningar = [createRedis(installningar.redisUrl), createRedis(installningar.redisUrl)];
    const [ko, handelser] = this.anslutningar.map((r) => r as unknown as ConnectionOptions);
    this.ko = new Queue(PDF_KO, { connection: ko, prefix: installningar.prefix });
    this.handelser = new QueueEvents(PDF_KO, { connection: handelser, prefix: installningar.prefix });
    this.redis = createRedis(installningar.redisUrl);
  }

  renderRemissvar(dokument: RemissvarDokument): Promise<Buffer> {
    return this.request({ art: 'remissvar', dokument });
  }

  renderRemissmissiv(dokument: RemissmissivDokument): Promise<Buffer> {
    return this.request({ art: 'remissmissiv', dokument });
  }

  renderRemissammanstallning(dokument: RemissammanstallningDokument): Promise<Buffer> {
    return this.request({ art: 'remissammanstallning', dokument });
  }

  toPdfA(pdf: Buffer, metadata: PdfMetadata): Promise<Buffer> {
    return this.request({ art: 'pdfa', pdfBase64: pdf.toString('base64'), metadata });
  }

  async onApplicationShutdown(): Promise<void> {
    const stangda = Promise.allSettled([this.handelser.close(), this.ko.close(), this.redis.quit()]);
    // Closing waits for ever on a connection that lost Redis and waits to reconnect: bounded, then cut.
    let timer: NodeJS.Timeout | undefined;
    const grans = new Promise<'grans'>((r) => (timer = setTimeout(() => r('grans'), STANG_MS)));
    if ((await Promise.race([stangda, grans])) === 'grans')
      this.logger.warn(`the pdf queue's connections did not close within ${STANG_MS} ms; cutting them`);
    clearTimeout(timer);
    for (const r of [...this.anslutningar, this.redis]) r.disconnect();
  }

  private async request(jobb: PdfJobb): Promise<Buffer> {
    const { timeoutMs, addTimeoutMs = timeoutMs } = this.installningar;
    const borjan = Date.now();
    const kvar = () => Math.max(1, timeoutMs - (Date.now() - borjan));
    // Redis away: say so now rather than after PDF_QUEUE_TIMEOUT_MS (commands would wait for a reconnect).
    if (redisIsAway(this.redis)) throw new PdfFel('The PDF queue (Redis) cannot be reached', true);
    this.redo ??= Promise.all([this.ko.waitUntilReady(), this.handelser.waitUntilReady()]);
    await within(Math.min(timeoutMs, addTimeoutMs), 'connect to the pdf queue', this.redo);
    const job = await within(
      Math.min(kvar(), addTimeoutMs),
      'add to the pdf queue',
      this.ko.add(jobb.art, jobb, { attempts: 1, removeOnComplete: { age: 60 }, removeOnFail: { age: 3600 } }),
    );
    let resultat: PdfResultat;
    try {
      resultat = await job.waitUntilFinished(this.handelser, kvar());
    } catch (error) {
      const meddelande = error instanceof Error ? error.message : String(error);
      if (/timed out/.test(meddelande)) {
        await job.remove().catch(() => undefined);
        throw new PdfFel(
          `No PDF worker finished ${jobb.art} job ${job.id} within ${timeoutMs} ms (is apps/pdf-worker running?)`,
        );
      }
      throw new PdfFel(`The PDF worker could not render ${jobb.art}: ${meddelande}`);
    }
    const bytes = await within(kvar(), 'fetch the PDF', this.redis.getdelBuffer(resultat.nyckel));
    if (!bytes) throw new PdfFel(`The PDF of job ${job.id} expired before it was fetched`);
    return bytes;
  }
}
