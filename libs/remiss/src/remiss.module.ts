import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ArchiveModule } from '@app/archive';
import { APP_CONFIG, AppConfig } from '@app/core';
import { PdfGranskning } from './handlingar/pdf-granskning';
import { PdfUppladdning } from './handlingar/pdf-uppladdning.interceptor';
import { RemisshandlingController } from './handlingar/remisshandling.controller';
import { RemisshandlingService } from './handlingar/remisshandling.service';
import { RemissController } from './remiss.controller';
import { RemissRepository } from './remiss.repository';
import { RemissOversiktController } from './uppfoljning/remiss-oversikt.controller';
import { RemissOversiktService } from './uppfoljning/remiss-oversikt.service';
import { RemissUtkastController } from './utkast/remiss-utkast.controller';
import { RemissUtkastService } from './utkast/remiss-utkast.service';

/** Multipart uploads are held in memory up to the PDF size limit; multer stops reading beyond it. */
export const pdfMulter = MulterModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ limits: { fileSize: config.PDF_UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 5 } }),
});

/** The sender's side: remisser, their handlingar and instanser (KLK's remissansvarig). */
@Module({
  imports: [ArchiveModule, pdfMulter],
  controllers: [RemissUtkastController, RemissOversiktController, RemisshandlingController, RemissController],
  providers: [RemissRepository, RemissUtkastService, RemissOversiktService, RemisshandlingService, PdfGranskning, PdfUppladdning],
  exports: [RemissRepository, PdfGranskning],
})
export class RemissModule {}
