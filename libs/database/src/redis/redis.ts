import Redis, { RedisOptions } from 'ioredis';

/**
 * Connection options for BullMQ and the health check. `maxRetriesPerRequest: null` is what BullMQ
 * workers require: a blocking command must wait for a reconnect rather than fail.
 */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis({ ...redisOptions(url), ...extra });
}

/**
 * The connection is known to be down (lost and reconnecting, or closed): a command sent now would
 * wait in the offline queue until Redis returns, so callers behind an HTTP response skip it.
 */
export const redisIsAway = (redis: Redis): boolean =>
  redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end';
