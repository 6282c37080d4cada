import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/**
 * The client a request counts against, wherever the platform limits clients (per-IP rate limits,
 * argon2's queue per client, the login lock): its IP as Fastify resolved it (TRUST_PROXY), IPv6
 * per /64, the block one subscriber holds, so rotating addresses inside it changes nothing.
 */
export const clientAddress = (req: FastifyRequest): string => normalizeIP(req.ip);
