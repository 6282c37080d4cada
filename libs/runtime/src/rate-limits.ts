import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RATE_LIMIT_REDIS } from '@app/auth';
import { AppConfig, RateLimitGroup, svenskVantetid, tooManyRequests } from '@app/core';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type Redis from 'ioredis';

const SVENSKA: Record<RateLimitGroup, string> = {
  login: 'För många inloggningsförsök från din adress.',
  link: 'För många förfrågningar till personliga länkar från din adress.',
};

/**
 * The per-IP limits of the routes marked @RateLimited: @fastify/rate-limit counting in Redis
 * (under QUEUE_PREFIX), so every process of the platform shares one count per client, refused in
 * Fastify's onRequest, before the body is read or a guard runs. Redis failing skips the limit
 * (RATE_LIMIT_REDIS answers or fails within a bound), it never holds a request up.
 */
export async function registerRateLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const redis = app.get<symbol, Redis>(RATE_LIMIT_REDIS, { strict: false });
  await app.register(fastifyRateLimit, { global: false, redis, nameSpace: `${config.QUEUE_PREFIX}:rate-limit:`, skipOnError: true });
  const fastify = app.getHttpAdapter().getInstance();
  const max: Record<RateLimitGroup, number> = { login: config.LOGIN_RATE_MAX, link: config.LINK_RATE_MAX };
  const limiters = Object.fromEntries(
    (Object.keys(max) as RateLimitGroup[]).map((group) => [
      group,
      fastify.rateLimit({
        max: max[group],
        timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
        // IPv6 clients are counted per /64, the block one subscriber holds.
        keyGenerator: (req: FastifyRequest) => `${group}:${normalizeIP(req.ip)}`,
        errorResponseBuilder: (_req, context) => {
          const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
          return tooManyRequests('TOO_MANY_REQUESTS', `Rate limit exceeded, retry in ${seconds} seconds`, `${SVENSKA[group]} Försök igen om ${svenskVantetid(seconds)}.`, seconds);
        },
      }),
    ]),
  ) as Record<RateLimitGroup, onRequestAsyncHookHandler>;
  fastify.addHook('onRoute', (route) => {
    const group = route.config?.rateLimitGroup;
    if (!group) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...existing, limiters[group]];
  });
}
