import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { OrganisationService, sessionToken } from '@app/auth';
import { apiErrorBody, DomainError, FaltFel, SAFE_METHODS } from '@app/core';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { FlashService } from './flash.service';
import { sida } from './sida';
import { SidLayout, sokvagen } from './sid-layout.service';
import { valdEnhet, WebbRequest } from './webb-kontext';

/** Refusals of a form's content (a wrong password, a file that is not a PDF; a missing session went to sign-in before): the user goes back to the form, which shows why beside the fields. */
const BACK_TO_THE_FORM = new Set([400, 401, 409, 410, 413, 415, 422, 429]);

/** Never kept in a flash, even for one request. */
const SECRET_FIELDS = /losenord|password|_csrf/i;

const RUBRIK: Record<number, string> = {
  403: 'Du har inte behörighet till sidan',
  404: 'Sidan finns inte',
  410: 'Länken gäller inte längre',
  429: 'För många försök',
};

/** Where sign-in sends the user back to: a path of ours, never another site. */
export function tillbaka(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

/**
 * Errors of the pages, as pages: sign-in for a missing or expired session (and back afterwards),
 * the enhet chooser when none is chosen, a refused form back to itself with its errors and what was
 * typed (post, redirect, get), 403 and 404 as Swedish pages, and anything unexpected as a Swedish
 * page with a reference id that the log carries beside the stack.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  constructor(
    private readonly layout: SidLayout,
    private readonly flashes: FlashService,
    private readonly organisationer: OrganisationService,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<WebbRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = apiErrorBody(exception);
    try {
      // The pages' catch-all route also meets unknown API paths: those stay JSON.
      if (req.url.startsWith('/api/')) return void reply.code(body.statusCode).send(body);
      if (body.code === 'UNAUTHENTICATED') return this.toSignIn(req, reply);
      if (body.code === 'ENHET_NOT_CHOSEN')
        return void reply
          .code(303)
          .header('location', `/valj-enhet?tillbaka=${encodeURIComponent(req.url)}`)
          .send();
      if (exception instanceof DomainError && !SAFE_METHODS.has(req.method) && BACK_TO_THE_FORM.has(body.statusCode))
        return await this.backToTheForm(req, reply, exception);
      await this.withHeader(req);
      if (body.statusCode >= 500) return this.unexpected(req, reply, exception, body.statusCode);
      const rubrik = RUBRIK[body.statusCode] ?? 'Det gick inte att visa sidan';
      this.layout.send(req, reply, sida('fel/fel', { rubrik, text: body.meddelande }, body.statusCode));
    } catch (failure) {
      this.unexpected(req, reply, failure, 500);
    }
  }

  private toSignIn(req: WebbRequest, reply: FastifyReply): void {
    const back = SAFE_METHODS.has(req.method) ? req.url : sokvagen(req.url);
    const expired = sessionToken(req) !== undefined ? '&utgangen=1' : '';
    reply
      .code(303)
      .header('location', `/logga-in?tillbaka=${encodeURIComponent(tillbaka(back))}${expired}`)
      .send();
  }

  private async backToTheForm(req: WebbRequest, reply: FastifyReply, e: DomainError): Promise<void> {
    const fel: FaltFel[] = e.fel?.length ? e.fel : [{ falt: String(e.details?.falt ?? ''), meddelande: e.svenska }];
    const form = (req.body ?? {}) as Record<string, unknown>;
    const varden = Object.fromEntries(Object.entries(form).filter(([k]) => !SECRET_FIELDS.test(k)));
    await this.flashes.leave(req, reply, { fel, varden, kod: e.code, detaljer: e.details });
    req.refusedStatus = e.status;
    reply.code(303).header('location', req.url).send();
  }

  /** A page of an error still shows who is signed in, if the guard got that far. */
  private async withHeader(req: WebbRequest): Promise<void> {
    if (!req.actor || req.webb) return;
    const arbetsplats = await this.organisationer.getArbetsplats(req.actor);
    req.webb = { arbetsplats, valdEnhet: valdEnhet(req, arbetsplats), flash: {} };
  }

  private unexpected(req: WebbRequest, reply: FastifyReply, exception: unknown, status: number): void {
    const referens = randomBytes(4).toString('hex').toUpperCase();
    const detail = exception instanceof Error ? exception.stack : String(exception);
    this.logger.error(`referens ${referens}: ${req.method} ${sokvagen(req.url)}: ${detail}`);
    if (reply.sent) return;
    try {
      const text = exception instanceof DomainError ? exception.svenska : undefined;
      this.layout.send(req, reply, sida('fel/ovantat', { referens, text }, status >= 500 ? status : 500));
    } catch {
      reply.code(500).type('text/plain; charset=utf-8').send(`Något gick fel hos oss. Referens: ${referens}`);
    }
  }
}
