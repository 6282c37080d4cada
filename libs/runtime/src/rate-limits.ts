import fastifyRateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RATE_LIMIT_REDIS } from '@app/auth';
import { AppConfig, clientAddress, DomainError, RateLimitGroup } from '@app/core';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
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
  const hooks: Record<
    RateLimitGroup,
    { onRequest: Hook; onResponse?: Pick<RouteOptions, 'onResponse'>['onResponse'] }
  > = {
    link: {
      onRequest: async (req, reply) => {
        await link.call(fastify, req, reply);
      },
    },
    konto: {
      onRequest: async (req, reply) => {
        await konto.call(fastify, req, reply);
      },
    },
    login: {
      onRequest: async (req) => {
        const count = await loginFailures(req, { increment: false });
        if (!count.isAllowed && count.remaining === 0) throw refusal('login', count.ttl);
      },
      // The sign-in page answers a wrong password by going back to the form (303): its refusal's status counts.
      onResponse: async (req, reply) => {
        if ((req.refusedStatus ?? reply.statusCode) === 401) await loginFailures(req);
      },
    },
  };

  fastify.addHook('onRoute', (route) => {
    const group = route.config?.rateLimitGroup;
    if (!group) return;
    const { onRequest, onResponse } = hooks[group];
    const check = route.url.startsWith('/api/') ? onRequest : forPages(onRequest);
    route.onRequest = [...asArray(route.onRequest), check].flat();
    if (onResponse) route.onResponse = [...asArray(route.onResponse), onResponse].flat();
  });
}

type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * A page's refusal is kept on the request for the pages' guard (libs/web), whose exception filter
 * answers it as pages answer every refusal: the sign-in form again with the sentence beside it, or
 * a Swedish page. Thrown here it would reach Fastify's handler and come out as JSON.
 */
function forPages(check: Hook): Hook {
  return async (req, reply) => {
    try {
      await check(req, reply);
    } catch (refusal) {
      if (!(refusal instanceof DomainError)) throw refusal;
      req.rateLimitRefusal = refusal;
    }
  };
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
