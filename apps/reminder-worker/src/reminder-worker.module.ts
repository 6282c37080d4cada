import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { RemindersModule } from '@app/reminders';
import { commonModules } from '@app/runtime';
import { UtkorgWorkerModule } from '@app/utkorg';

/** The outbox worker: deadline reminders and one-off mails, plus the reconciler. */
@Module({})
export class ReminderWorkerModule {
  static forRoot(config: AppConfig, infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl'>): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [...commonModules(config, infrastructure), UtkorgWorkerModule, RemindersModule],
    };
  }
}
