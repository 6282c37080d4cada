import { Injectable } from '@nestjs/common';
import { FaltFel } from '@app/core';
import { FlashRepository } from '@app/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Notis } from './sida';

const FLASH_COOKIE = 'remiss_flash';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a POST leaves for the page the browser is sent to next. */
export interface Flash {
  notis?: Notis;
  /** A refused form: each refused field with its Swedish sentence… */
  fel?: FaltFel[];
  /** …and what the user had typed, so the form shows it again. */
  varden?: Record<string, unknown>;
  /** A refusal's code and details (a stale save names who changed what). */
  kod?: string;
  detaljer?: Record<string, unknown>;
}

/** Flashes in the browser's cookie by id, their content in PostgreSQL (FlashRepository). */
@Injectable()
export class FlashService {
  constructor(private readonly flashes: FlashRepository) {}

  async leave(req: FastifyRequest, reply: FastifyReply, flash: Flash): Promise<void> {
    const id = await this.flashes.insert(flash as Record<string, unknown>);
    reply.setCookie(FLASH_COOKIE, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      path: '/',
      maxAge: 3600,
    });
  }

  /** The flash left for this request, once; a GET that finds one clears the cookie. */
  async take(req: FastifyRequest, reply: FastifyReply): Promise<Flash> {
    const id = req.cookies[FLASH_COOKIE];
    if (typeof id !== 'string') return {};
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
    if (!UUID.test(id)) return {};
    return ((await this.flashes.take(id)) as Flash | null) ?? {};
  }
}
