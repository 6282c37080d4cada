import { Module } from '@nestjs/common';
import { BrevhuvudModule } from '@app/brevhuvud';
import { ArchiveModule } from '@app/archive';
import { AuthModule } from '@app/auth';
import { LankarModule } from '@app/lankar';
import { MailModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { RemissRepository } from './remiss.repository';
import { Aviseringar } from './utskick/aviseringar.service';
import { RemissinstansRepository } from './utskick/remissinstans.repository';

/**
 * What the sender's module and the external link module share: remiss data, the PDF checks (ArchiveModule's), and
 * the outboxes (PaminnelsePlanering from RemindersModule, EpostUtkorg from MailModule).
 */
@Module({
  imports: [AuthModule, ArchiveModule, LankarModule, RemindersModule, MailModule, BrevhuvudModule],
  providers: [RemissRepository, RemissinstansRepository, Aviseringar],
  exports: [
    BrevhuvudModule,
    AuthModule,
    ArchiveModule,
    LankarModule,
    RemindersModule,
    MailModule,
    RemissRepository,
    RemissinstansRepository,
    Aviseringar,
  ],
})
export class RemissKarnaModule {}
