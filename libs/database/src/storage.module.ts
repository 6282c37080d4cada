import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { guardPool } from './connection-pool';
import { DatabaseLimits, dataSourceOptions } from './data-source';
import { Infrastructure } from './infrastructure';
import { createRedis } from './redis/redis';

export const REDIS = Symbol('REDIS');
export const REDIS_URL = Symbol('REDIS_URL');

export interface StorageLocation {
  databaseUrl: string;
  redisUrl: string;
  poolSize?: number;
  /** Timeouts of the pool and of every connection (the apps set them from the config). */
  limits?: DatabaseLimits;
  /** Tests: a transaction that asks the pool for a second connection fails loudly (see guardPool). */
  checkTransactions?: boolean;
}

/** PostgreSQL through TypeORM and one shared Redis connection, at the places `Infrastructure` found. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(
    location: StorageLocation | (Infrastructure & Omit<StorageLocation, keyof Infrastructure>),
  ): DynamicModule {
    return {
      module: StorageModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(location.databaseUrl, location.poolSize, location.limits),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            guardPool(dataSource, { checkTransactions: location.checkTransactions ?? false });
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: REDIS_URL, useValue: location.redisUrl },
        { provide: REDIS, useFactory: () => createRedis(location.redisUrl, { lazyConnect: false }) },
      ],
      exports: [REDIS, REDIS_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for pending replies, which never come from a server that is down.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
