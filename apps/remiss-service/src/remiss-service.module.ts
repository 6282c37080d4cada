import { DynamicModule, Module } from '@nestjs/common';
import { ArchiveModule, EarkivExportModule } from '@app/archive';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { PdfKoModule } from '@app/pdf';
import { RemindersModule } from '@app/reminders';
import { RemissModule } from '@app/remiss';
import { commonModules } from '@app/runtime';

/** KLK and registrator: remisser, sammanställning, diarium; prints through the pdf-worker. */
@Module({})
export class RemissServiceModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: RemissServiceModule,
      imports: [
        ...commonModules(config, infrastructure),
        RemindersModule,
        PdfKoModule.forRoot(),
        ArchiveModule,
        EarkivExportModule,
        RemissModule,
      ],
    };
  }
}
