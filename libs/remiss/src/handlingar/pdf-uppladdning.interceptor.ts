import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { PdfGranskning } from './pdf-granskning';
import { Uppladdning } from './remisshandling.service';

type UppladdningsRequest = FastifyRequest & { uppladdning?: Uppladdning };

/**
 * Reads a multipart PDF upload before validation runs: the file field `fil` into memory (limits of
 * one file up to PDF_UPLOAD_MAX_MB are set where the app registers the multipart plugin) and the
 * text fields into the body. The plugin stops reading at the limit; that becomes FILE_TOO_LARGE
 * naming it. A request that is not multipart carries no file, which the PDF check refuses.
 */
@Injectable()
export class PdfUppladdning implements NestInterceptor {
  constructor(private readonly granskning: PdfGranskning) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<UppladdningsRequest>();
    if (req.isMultipart()) {
      const falt: Record<string, string> = {};
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.fieldname === 'fil') req.uppladdning = { buffer: data, originalname: part.filename };
          } else {
            falt[part.fieldname] = String(part.value);
          }
        }
      } catch (e: unknown) {
        throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? this.granskning.forStor() : e;
      }
      req.body = falt;
    }
    return next.handle();
  }
}

/** The file PdfUppladdning read from the field `fil`, if any. */
export const UppladdadFil = createParamDecorator((_data: unknown, ctx: ExecutionContext): Uppladdning | undefined => ctx.switchToHttp().getRequest<UppladdningsRequest>().uppladdning);
