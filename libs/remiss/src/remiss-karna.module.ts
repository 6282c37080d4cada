import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ArchiveModule } from '@app/archive';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ExternAtkomstRepository } from './extern/extern-atkomst.repository';
import { PdfGranskning } from './handlingar/pdf-granskning';
import { PdfUppladdning } from './handlingar/pdf-uppladdning.interceptor';
import { RemissRepository } from './remiss.repository';
import { Aviseringar } from './utskick/aviseringar';
import { RemissinstansRepository } from './utskick/remissinstans.repository';

/** Multipart uploads are held in memory up to the PDF size limit; multer stops reading beyond it. */
export const pdfMulter = MulterModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ limits: { fileSize: config.PDF_UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 5 } }),
});

/**
 * What the sender's module and the external link module share: remiss data, the PDF checks, and
 * the outboxes (PaminnelsePlanering and EpostUtkorg come from the global reminders and mail modules).
 */
@Module({
  imports: [ArchiveModule],
  providers: [RemissRepository, RemissinstansRepository, ExternAtkomstRepository, PdfGranskning, PdfUppladdning, Aviseringar],
  exports: [ArchiveModule, RemissRepository, RemissinstansRepository, ExternAtkomstRepository, PdfGranskning, PdfUppladdning, Aviseringar],
})
export class RemissKarnaModule {}
