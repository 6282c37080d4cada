import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { PdfWorkerModule } from '@app/pdf';
import { commonModules } from '@app/runtime';

/** Renders the documents other services ask for through the `pdf` queue. */
@Module({})
export class PdfWorkerAppModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: PdfWorkerAppModule,
      imports: [...commonModules(config, infrastructure), PdfWorkerModule.forRoot()],
    };
  }
}
