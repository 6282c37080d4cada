import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { REDIS } from '@app/database';
import type Redis from 'ioredis';

export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/** How long a limit may wait for Redis before the request goes on without it. */
const COMMAND_TIMEOUT_MS = 300;
const READY_WAIT_MS = 2000;

/**
 * The rate limits' own Redis connection. Unlike the shared one (which BullMQ needs to wait for a
 * reconnect), it refuses commands at once while Redis is away and gives up on a slow reply, so a
 * limit never holds a request up: the limits fail open and argon2's bounded queue still holds.
 */
export const rateLimitRedisProvider: Provider = {
  provide: RATE_LIMIT_REDIS,
  inject: [REDIS],
  useFactory: async (shared: Redis) => {
    const redis = shared.duplicate({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    // Without the offline queue, commands before the connection is up would fail open: wait briefly for it.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, READY_WAIT_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // One line per outage, not one per reconnect attempt or refused command.
    const logger = new Logger('RateLimitRedis');
    let down = false;
    redis.on('error', (e: Error) => {
      if (!down) logger.warn(`rate limits and account locks are skipped while Redis fails: ${e.message}`);
      down = true;
    });
    redis.on('ready', () => {
      if (down) logger.log('Redis is back: rate limits and account locks apply again');
      down = false;
    });
    return redis;
  },
};

@Injectable()
export class RateLimitRedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
