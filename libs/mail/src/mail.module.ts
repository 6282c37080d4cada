import { Module } from '@nestjs/common';
import { UtkorgModule } from '@app/utkorg';
import { EpostUtkorg } from './epost-utkorg';
import { EpostUtkorgKind } from './epost-utkorg.kind';
import { Mailer } from './mailer';

/** SMTP sending and the outbox of one-off mails (`EpostUtkorg`), for the modules that send mail. */
@Module({
  imports: [UtkorgModule],
  providers: [Mailer, EpostUtkorgKind, { provide: EpostUtkorg, useExisting: EpostUtkorgKind }],
  exports: [Mailer, EpostUtkorg],
})
export class MailModule {}
