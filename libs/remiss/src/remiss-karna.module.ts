import { Module } from '@nestjs/common';
import { BrevhuvudModule } from '@app/brevhuvud';
import { ArchiveModule } from '@app/archive';
import { AuthModule } from '@app/auth';
import { LankarModule } from '@app/lankar';
import { MailModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { PdfGranskning } from './handlingar/pdf-granskning.service';
import { PdfUppladdning, SvarsUppladdning } from './handlingar/pdf-uppladdning.interceptor';
import { RemissRepository } from './remiss.repository';
import { Aviseringar } from './utskick/aviseringar.service';
import { RemissinstansRepository } from './utskick/remissinstans.repository';

/**
 * What the sender's module and the external link module share: remiss data, the PDF checks, and
 * the outboxes (PaminnelsePlanering from RemindersModule, EpostUtkorg from MailModule).
 */
@Module({
  imports: [AuthModule, ArchiveModule, LankarModule, RemindersModule, MailModule, BrevhuvudModule],
  providers: [RemissRepository, RemissinstansRepository, PdfGranskning, PdfUppladdning, SvarsUppladdning, Aviseringar],
  exports: [
    BrevhuvudModule,
    AuthModule,
    ArchiveModule,
    LankarModule,
    RemindersModule,
    MailModule,
    RemissRepository,
    RemissinstansRepository,
    PdfGranskning,
    PdfUppladdning,
    SvarsUppladdning,
    Aviseringar,
  ],
})
export class RemissKarnaModule {}
