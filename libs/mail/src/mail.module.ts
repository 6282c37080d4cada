import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, devMailSink } from '@app/core';
import { UtkorgModule } from '@app/utkorg';
import { EpostMallar } from './epost-mallar.service';
import { EpostUtkorg } from './epost-utkorg';
import { EpostUtkorgKind } from './epost-utkorg.kind';
import { Mailer, SMTP_ADRESS } from './mailer.service';
import { Utvecklingsbrevlada } from './utveckling/utvecklingsbrevlada.service';

/**
 * SMTP sending, the mail templates and the outbox of one-off mails (`EpostUtkorg`), for the modules
 * that send mail. Without SMTP_URL outside production, the development mail sink is started before
 * the Mailer and takes its mail (a module's providers are made once per app, however many import it).
 */
@Module({
  imports: [UtkorgModule],
  providers: [
    Utvecklingsbrevlada,
    {
      provide: SMTP_ADRESS,
      inject: [APP_CONFIG, Utvecklingsbrevlada],
      useFactory: (config: AppConfig, brevlada: Utvecklingsbrevlada) =>
        devMailSink(config) ? brevlada.start() : config.SMTP_URL,
    },
    Mailer,
    EpostMallar,
    EpostUtkorgKind,
    { provide: EpostUtkorg, useExisting: EpostUtkorgKind },
  ],
  exports: [Mailer, EpostMallar, EpostUtkorg, Utvecklingsbrevlada],
})
export class MailModule {}
