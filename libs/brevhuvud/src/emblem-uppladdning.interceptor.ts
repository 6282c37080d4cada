import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { CsrfRequest, verifyCsrfFormulardel } from '@app/auth';
import { DomainError } from '@app/core';
import { Observable } from 'rxjs';
import { EMBLEM_MAX_BYTES } from './emblem';

type EmblemRequest = CsrfRequest & { emblem?: Buffer };

/**
 * Reads the multipart field `emblem` (one file, at most EMBLEM_MAX_BYTES + 1 bytes kept, so a larger
 * one is refused by the check by its size) before the handler. A page's form sends the session's
 * token as its first part, which is checked before any file byte is read (`verifyCsrfFormulardel`).
 */
@Injectable()
export class EmblemUppladdning implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<EmblemRequest>();
    if (req.isMultipart()) {
      try {
        for await (const part of req.parts({ limits: { fileSize: EMBLEM_MAX_BYTES + 1, files: 1, fields: 2 } })) {
          if (verifyCsrfFormulardel(req, part) || part.type !== 'file') continue;
          const data = await part.toBuffer();
          if (part.fieldname === 'emblem' && (part.filename || data.length > 0)) req.emblem = data;
        }
      } catch (e: unknown) {
        if (e instanceof DomainError) throw e;
        const code = (e as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('EMBLEM_OGILTIGT', { skal: 'storlek', detalj: '' });
        if (code === 'FST_FILES_LIMIT') throw new DomainError('TOO_MANY_FILES');
        if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new DomainError('TOO_MANY_FIELDS');
        throw new DomainError('MULTIPART_MALFORMED', { orsak: (e as Error).message });
      }
      // A body without any part still owes its token.
      verifyCsrfFormulardel(req, { type: 'none', fieldname: '' });
      req.body = {};
    }
    return next.handle();
  }
}

/** The file EmblemUppladdning read, if any. */
export const UppladdatEmblem = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Buffer | undefined => ctx.switchToHttp().getRequest<EmblemRequest>().emblem,
);
