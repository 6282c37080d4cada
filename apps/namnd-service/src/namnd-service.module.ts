import { DynamicModule, Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { PdfKoModule } from '@app/pdf';
import { RemindersModule } from '@app/reminders';
import { commonModules } from '@app/runtime';
import { ExternModule, SvarModule } from '@app/svar';
import { WebModule } from '@app/web';

/** Nämnder and external remissinstanser: inkorg, remissvar, beslut, expediering; prints through the pdf-worker. */
@Module({})
export class NamndServiceModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: NamndServiceModule,
      imports: [
        ...commonModules(config, infrastructure),
        RemindersModule,
        PdfKoModule.forRoot(),
        ArchiveModule,
        SvarModule,
        WebModule,
        ExternModule,
      ],
    };
  }
}
