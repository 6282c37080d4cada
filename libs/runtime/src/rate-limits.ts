import fastifyRateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RATE_LIMIT_REDIS } from '@app/auth';
import { AppConfig, clientAddress, DomainError, RateLimitGroup } from '@app/core';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type Redis from 'ioredis';

const refusal = (group: RateLimitGroup, ttlMs: number) =>
  new DomainError('TOO_MANY_REQUESTS', { orsak: group, sekunder: ttlMs / 1000 });

/**
 * The per-IP limits of the routes marked @RateLimited, with @fastify/rate-limit counting in Redis
 * (under QUEUE_PREFIX), so every process of the platform shares one count per client; checked in
 * Fastify's onRequest, before the body is read, a guard runs or argon2 is asked. Redis failing
 * skips the limit (RATE_LIMIT_REDIS answers or fails within a bound); it never holds a request up.
 */
export async function registerRateLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const redis = app.get<symbol, Redis>(RATE_LIMIT_REDIS, { strict: false });
  await app.register(fastifyRateLimit, {
    global: false,
    redis,
    nameSpace: `${config.QUEUE_PREFIX}:rate-limit:`,
    skipOnError: true,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const options = (group: RateLimitGroup, max: number) => ({
    max,
    timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    keyGenerator: (req: FastifyRequest) => `${group}:${clientAddress(req)}`,
  });

  // Links: every request counts (guessing tokens is what is limited).
  const link = fastify.rateLimit({
    ...options('link', config.LINK_RATE_MAX),
    errorResponseBuilder: (_req, context) => refusal('link', context.ttl),
  });

  // Forgotten passwords and the links that set one: every request counts, at the login's limit.
  const konto = fastify.rateLimit({
    ...options('konto', config.LOGIN_RATE_MAX),
    errorResponseBuilder: (_req, context) => refusal('konto', context.ttl),
  });

  // Logins: only the failed ones count, so the many people of a kommun behind one NAT address can
  // all sign in at 08.00; a burst of attempts is held by argon2's queue per client IP instead.
  const loginFailures = fastify.createRateLimit(options('login', config.LOGIN_RATE_MAX));
  const hooks: Record<RateLimitGroup, Pick<RouteOptions, 'onRequest' | 'onResponse'>> = {
    link: { onRequest: link },
    konto: { onRequest: konto },
    login: {
      onRequest: async (req) => {
        const count = await loginFailures(req, { increment: false });
        if (!count.isAllowed && count.remaining === 0) throw refusal('login', count.ttl);
      },
      onResponse: async (req, reply) => {
        if (reply.statusCode === 401) await loginFailures(req);
      },
    },
  };

  fastify.addHook('onRoute', (route) => {
    const group = route.config?.rateLimitGroup;
    if (!group) return;
    const { onRequest, onResponse } = hooks[group];
    if (onRequest) route.onRequest = [...asArray(route.onRequest), onRequest].flat();
    if (onResponse) route.onResponse = [...asArray(route.onResponse), onResponse].flat();
  });
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
