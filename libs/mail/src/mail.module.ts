import { Module } from '@nestjs/common';
import { UtkorgModule } from '@app/utkorg';
import { EpostMallar } from './epost-mallar.service';
import { EpostUtkorg } from './epost-utkorg';
import { EpostUtkorgKind } from './epost-utkorg.kind';
import { Mailer } from './mailer.service';

/** SMTP sending, the mail templates and the outbox of one-off mails (`EpostUtkorg`), for the modules that send mail. */
@Module({
  imports: [UtkorgModule],
  providers: [Mailer, EpostMallar, EpostUtkorgKind, { provide: EpostUtkorg, useExisting: EpostUtkorgKind }],
  exports: [Mailer, EpostMallar, EpostUtkorg],
})
export class MailModule {}
