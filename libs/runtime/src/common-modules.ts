import { AppConfig, ClockModule, ConfigModule } from '@app/core';
import { AuthModule } from '@app/auth';
import { databaseLimits, HealthModule, Infrastructure, StorageModule } from '@app/database';

/** What every app of the platform is built on: config, clock, PostgreSQL + Redis, health, accounts. */
export function commonModules(config: AppConfig, infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl'>) {
  return [
    ConfigModule.forRoot(config),
    ClockModule,
    StorageModule.forRoot({
      databaseUrl: infrastructure.databaseUrl,
      redisUrl: infrastructure.redisUrl,
      poolSize: config.DATABASE_POOL_SIZE,
      limits: databaseLimits(config),
      checkTransactions: config.NODE_ENV === 'test',
    }),
    HealthModule,
    AuthModule,
  ];
}
