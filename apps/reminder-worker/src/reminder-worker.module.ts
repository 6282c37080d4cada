import { DynamicModule, Module } from '@nestjs/common';
import { ArchiveModule, EarkivExportModule } from '@app/archive';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { PdfKoModule } from '@app/pdf';
import { RemindersModule } from '@app/reminders';
import { SammanstallningArkiveringModule } from '@app/remiss';
import { commonModules } from '@app/runtime';
import { UtkorgWorkerModule } from '@app/utkorg';

/** The outbox worker: deadline reminders, one-off mails, the archive's PDF/A, checks and sammanställningar (printed by the pdf-worker) and e-arkiv packages, plus the reconciler. */
@Module({})
export class ReminderWorkerModule {
  static forRoot(config: AppConfig, infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl'>): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [
        ...commonModules(config, infrastructure),
        UtkorgWorkerModule,
        RemindersModule,
        PdfKoModule.forRoot(),
        ArchiveModule,
        EarkivExportModule,
        SammanstallningArkiveringModule,
      ],
    };
  }
}
