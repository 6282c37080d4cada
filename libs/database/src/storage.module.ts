import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { dataSourceOptions } from './data-source';
import { Infrastructure } from './infrastructure';
import { createRedis } from './redis/redis';

export const REDIS = Symbol('REDIS');
export const REDIS_URL = Symbol('REDIS_URL');

export interface StorageLocation {
  databaseUrl: string;
  redisUrl: string;
  poolSize?: number;
}

/** PostgreSQL through TypeORM and one shared Redis connection, at the places `Infrastructure` found. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(location: StorageLocation | Infrastructure & { poolSize?: number }): DynamicModule {
    return {
      module: StorageModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(location.databaseUrl, location.poolSize))],
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
