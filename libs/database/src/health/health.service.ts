import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout } from '@app/core';
import { REDIS } from '../storage.module';
import { ReadyResponse } from './health.response';

const TIMEOUT_MS = 2000;

async function check(work: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(work(), TIMEOUT_MS, () => new Error(`no answer within ${TIMEOUT_MS} ms`));
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Whether the process can serve: PostgreSQL and Redis both answer within a bound. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async ready(): Promise<ReadyResponse> {
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = postgres === 'ok' && redis === 'ok';
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
