import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, Public } from '@app/core';
import type { FastifyReply } from 'fastify';
import { WebbTillgangar } from './webb-tillgangar.service';

/** The pages' stylesheet, scripts and fonts: the same for everyone, so a browser may keep them for an hour. */
@ApiExcludeController()
@Controller('assets')
export class TillgangarController {
  constructor(private readonly tillgangar: WebbTillgangar) {}

  @Public()
  @Get('*')
  send(@Param('*') path: string, @Res() reply: FastifyReply) {
    const tillgang = this.tillgangar.get(path);
    if (!tillgang) throw new DomainError('NOT_FOUND', { vad: 'Route' });
    return reply.type(tillgang.typ).header('cache-control', 'public, max-age=3600').send(tillgang.innehall);
  }
}
