import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { LankarModule } from '@app/lankar';
import { PdfGranskning } from './handlingar/pdf-granskning';
import { PdfUppladdning } from './handlingar/pdf-uppladdning.interceptor';
import { RemissRepository } from './remiss.repository';
import { Aviseringar } from './utskick/aviseringar';
import { RemissinstansRepository } from './utskick/remissinstans.repository';

/**
 * What the sender's module and the external link module share: remiss data, the PDF checks, and
 * the outboxes (PaminnelsePlanering and EpostUtkorg come from the global reminders and mail modules).
 */
@Module({
  imports: [ArchiveModule, LankarModule],
  providers: [RemissRepository, RemissinstansRepository, PdfGranskning, PdfUppladdning, Aviseringar],
  exports: [
    ArchiveModule,
    LankarModule,
    RemissRepository,
    RemissinstansRepository,
    PdfGranskning,
    PdfUppladdning,
    Aviseringar,
  ],
})
export class RemissKarnaModule {}
