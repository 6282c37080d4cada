import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { REDIS_URL } from '@app/database';
import { ChromiumPool } from '../chromium/chromium-pool.service';
import { PdfRenderare } from '../pdf-renderare';
import { PdfModule } from '../pdf.module';
import { PdfService } from '../pdf.service';
import { PdfKoKlient } from './pdf-ko-klient.service';
import { PdfKoWorker } from './pdf-ko.worker';

/**
 * For services that print through the pdf-worker: provides PdfKoKlient as the (global)
 * PdfRenderare. Services and worker meet under the BullMQ prefix QUEUE_PREFIX.
 */
@Module({})
export class PdfKoModule {
  static forRoot(): DynamicModule {
    return {
      module: PdfKoModule,
      global: true,
      providers: [
        {
          provide: PdfKoKlient,
          useFactory: (config: AppConfig, redisUrl: string) =>
            new PdfKoKlient({
              redisUrl,
              prefix: config.QUEUE_PREFIX,
              timeoutMs: config.PDF_QUEUE_TIMEOUT_MS,
              addTimeoutMs: config.QUEUE_ADD_TIMEOUT_MS,
            }),
          inject: [APP_CONFIG, REDIS_URL],
        },
        { provide: PdfRenderare, useExisting: PdfKoKlient },
      ],
      exports: [PdfKoKlient, PdfRenderare],
    };
  }
}

/** The pdf-worker: Chromium launched at start, jobs of the `pdf` queue rendered in process. */
@Module({})
export class PdfWorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: PdfWorkerModule,
      imports: [PdfModule],
      providers: [
        {
          provide: PdfKoWorker,
          useFactory: async (service: PdfService, pool: ChromiumPool, config: AppConfig, redisUrl: string) => {
            await pool.warm();
            const worker = new PdfKoWorker(service, {
              redisUrl,
              prefix: config.QUEUE_PREFIX,
              samtidiga: config.PDF_POOL_SIZE,
            });
            await worker.ready();
            return worker;
          },
          inject: [PdfService, ChromiumPool, APP_CONFIG, REDIS_URL],
        },
      ],
    };
  }
}
