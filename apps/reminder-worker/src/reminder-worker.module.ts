import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Infrastructure } from '@app/database';
import { UtkorgModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { commonModules } from '@app/runtime';

/** The outbox worker: deadline reminders and one-off mails, plus the reconciler. */
@Module({})
export class ReminderWorkerModule {
  static forRoot(config: AppConfig, infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl'>): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [...commonModules(config, infrastructure), UtkorgModule.forRoot({ worker: true }), RemindersModule],
    };
  }
}
