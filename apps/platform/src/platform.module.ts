import { DynamicModule, Module } from '@nestjs/common';
import { ArchiveModule, EarkivExportModule } from '@app/archive';
import { KontonModule } from '@app/auth';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { PdfModule } from '@app/pdf';
import { RemindersModule } from '@app/reminders';
import { RemissModule } from '@app/remiss';
import { commonModules } from '@app/runtime';
import { UtkorgWorkerModule } from '@app/utkorg';
import { ExternModule, SvarModule } from '@app/svar';
import { WebModule } from '@app/web';

/** Every part of the platform in one process: what `npm start` and the e2e tests run. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl'>): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ...commonModules(config, infrastructure),
        UtkorgWorkerModule,
        RemindersModule,
        ArchiveModule,
        EarkivExportModule,
        RemissModule,
        ExternModule,
        SvarModule,
        KontonModule,
        WebModule,
        PdfModule,
      ],
    };
  }
}
