import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ChromiumPool } from './chromium/chromium-pool.service';
import { findChromium } from './chromium/chromium-sokvag';
import { Mallar } from './mallar/mallar.service';
import { PdfRenderare } from './pdf-renderare';
import { PdfService } from './pdf.service';
import { PdfaKonverterare } from './pdfa/pdfa-konverterare.service';

/**
 * Rendering in this process (the platform app, the pdf-worker). Global, like PdfKoModule: an app's
 * composition root picks one of the two, and domain code injects `PdfRenderare` (or PdfService).
 * Chromium is looked for at start-up (a missing one stops the app with
 * one sentence) but launched only for the first document, so apps that never print pay nothing.
 */
@Global()
@Module({
  providers: [
    { provide: Mallar, useFactory: (config: AppConfig) => new Mallar(config.TEMPLATES_DIR), inject: [APP_CONFIG] },
    {
      provide: ChromiumPool,
      useFactory: (config: AppConfig) =>
        new ChromiumPool({
          chromium: findChromium(config.CHROMIUM_PATH),
          storlek: config.PDF_POOL_SIZE,
          omstartEfter: config.PDF_RESTART_AFTER,
          timeoutMs: config.PDF_TIMEOUT_MS,
        }),
      inject: [APP_CONFIG],
    },
    {
      provide: PdfaKonverterare,
      useFactory: (config: AppConfig) =>
        new PdfaKonverterare({
          ghostscript: config.GHOSTSCRIPT_PATH,
          iccProfil: config.PDFA_ICC_PROFILE,
          timeoutMs: config.PDF_TIMEOUT_MS,
        }),
      inject: [APP_CONFIG],
    },
    PdfService,
    { provide: PdfRenderare, useExisting: PdfService },
  ],
  exports: [PdfService, PdfRenderare, ChromiumPool],
})
export class PdfModule {}
