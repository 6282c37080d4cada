import { DynamicModule, Global, Module } from '@nestjs/common';
import { EpostUtkorg } from '../epost-utkorg';
import { MailModule } from '../mail.module';
import { EpostUtkorgTabell } from './epost-utkorg-tabell';
import { Utkorg } from './utkorg';
import { UtkorgAvstamning } from './utkorg-avstamning';
import { UtkorgKo } from './utkorg-ko';
import { UtkorgRader } from './utkorg-rader';
import { UtkorgSandare } from './utkorg-sandare';
import { UtkorgTyper } from './utkorg-typer';
import { UtkorgWorker } from './utkorg-worker';

export interface UtkorgOptions {
  /** Run the sending worker and reconciler in this process (reminder-worker, platform); HTTP services only queue. */
  worker: boolean;
}

/**
 * The outbox: one sending mechanism (claim, lease, retry, permanent failure, reconciler) for
 * every kind of outgoing mail. Provides `EpostUtkorg` for one-off mails; reminders register
 * their own kind (RemindersModule).
 */
@Global()
@Module({})
export class UtkorgModule {
  static forRoot(options: UtkorgOptions): DynamicModule {
    return {
      module: UtkorgModule,
      imports: [MailModule],
      providers: [
        UtkorgTyper,
        UtkorgRader,
        UtkorgKo,
        Utkorg,
        UtkorgSandare,
        UtkorgAvstamning,
        EpostUtkorgTabell,
        { provide: EpostUtkorg, useExisting: EpostUtkorgTabell },
        ...(options.worker ? [UtkorgWorker] : []),
      ],
      exports: [UtkorgTyper, UtkorgRader, UtkorgKo, Utkorg, UtkorgAvstamning, EpostUtkorg],
    };
  }
}
