import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { AuthModule } from '@app/auth';
import { MailModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { ExternAtkomstRepository } from './extern/extern-atkomst.repository';
import { PdfGranskning } from './handlingar/pdf-granskning';
import { PdfUppladdning } from './handlingar/pdf-uppladdning.interceptor';
import { RemissRepository } from './remiss.repository';
import { Aviseringar } from './utskick/aviseringar';
import { RemissinstansRepository } from './utskick/remissinstans.repository';

/**
 * What the sender's module and the external link module share: remiss data, the PDF checks, and
 * the outboxes (PaminnelsePlanering from RemindersModule, EpostUtkorg from MailModule).
 */
@Module({
  imports: [AuthModule, ArchiveModule, RemindersModule, MailModule],
  providers: [
    RemissRepository,
    RemissinstansRepository,
    ExternAtkomstRepository,
    PdfGranskning,
    PdfUppladdning,
    Aviseringar,
  ],
  exports: [
    AuthModule,
    ArchiveModule,
    RemindersModule,
    MailModule,
    RemissRepository,
    RemissinstansRepository,
    ExternAtkomstRepository,
    PdfGranskning,
    PdfUppladdning,
    Aviseringar,
  ],
})
export class RemissKarnaModule {}
