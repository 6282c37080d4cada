import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { OrganisationService } from '@app/auth';
import { SAFE_METHODS } from '@app/core';
import type { FastifyReply } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { FlashService } from './flash.service';
import { Omdirigering, Sida } from './sida';
import { SidLayout } from './sid-layout.service';
import { valdEnhet, WebbRequest } from './webb-kontext';

/**
 * Around every page handler: before it, where the user works (organisation, enheter, the chosen
 * one) and the flash the last POST left; after it, a Sida rendered in the layout or an Omdirigering
 * answered as 303 See Other (post, redirect, get), its notification left as a flash.
 */
@Injectable()
export class SidInterceptor implements NestInterceptor {
  constructor(
    private readonly organisationer: OrganisationService,
    private readonly flashes: FlashService,
    private readonly layout: SidLayout,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<WebbRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.prepare(req, reply)).pipe(
      switchMap(() => next.handle()),
      switchMap((result: unknown) => from(this.answer(req, reply, result))),
    );
  }

  private async prepare(req: WebbRequest, reply: FastifyReply): Promise<void> {
    const arbetsplats = req.actor ? await this.organisationer.getArbetsplats(req.actor) : undefined;
    // Only a page that is shown reads the flash; a POST leaves its own.
    const flash = SAFE_METHODS.has(req.method) ? await this.flashes.take(req, reply) : {};
    req.webb = { arbetsplats, valdEnhet: arbetsplats && valdEnhet(req, arbetsplats), flash };
  }

  private async answer(req: WebbRequest, reply: FastifyReply, result: unknown): Promise<unknown> {
    if (result instanceof Omdirigering) {
      if (result.notis || result.rest?.fel.length)
        await this.flashes.leave(req, reply, { notis: result.notis, ...(result.rest?.fel.length ? result.rest : {}) });
      return reply.code(303).header('location', result.till).send();
    }
    if (result instanceof Sida) return this.layout.send(req, reply, result);
    return result; // a file or a stream the handler answered itself
  }
}
