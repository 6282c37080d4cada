import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { DomainError } from '../errors/domain-error';

/**
 * The per-IP limits of the platform (their numbers are in the config: LOGIN_RATE_MAX, LINK_RATE_MAX);
 * `konto` (forgotten password, the one-time links that set one) counts every request against LOGIN_RATE_MAX.
 */
export type RateLimitGroup = 'login' | 'link' | 'konto';

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimitGroup?: RateLimitGroup;
  }
  interface FastifyRequest {
    /** A page's request over its limit: the pages' guard refuses it, so the refusal is a Swedish page, not JSON. */
    rateLimitRefusal?: DomainError;
    /** The status of a page's refused form, which is answered by a redirect back to the form: a failed sign-in counts by it. */
    refusedStatus?: number;
  }
}

/**
 * Counts the requests of a route (or of every route of a controller) per client IP in the named
 * group; over the limit they are refused with 429 before their body is read (a page's, by its guard,
 * once its form is parsed). It travels as Fastify route config, where createHttpApp's limiter picks it up.
 */
export function RateLimited(group: RateLimitGroup): ClassDecorator & MethodDecorator {
  const mark = (handler: object) => {
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as object | undefined) ?? {};
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, rateLimitGroup: group }, handler);
  };
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      mark(descriptor.value as object);
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name !== 'constructor' && typeof method === 'function') mark(method as object);
    }
  };
}
