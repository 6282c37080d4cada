import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { CSRF_TOKEN_INVALID, CsrfRequest, verifyCsrfFormulardel } from '@app/auth';
import { DomainError } from '@app/core';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { PdfGranskning } from './pdf-granskning.service';

/** A file a multipart request carried, as read: its bytes and the name the sender gave it. */
export interface Uppladdning {
  buffer?: Buffer;
  originalname?: string;
}

type UppladdningsRequest = FastifyRequest & CsrfRequest & { uppladdning?: Uppladdning; wordfil?: Uppladdning };

/**
 * Collects a file's bytes as they arrive into one buffer of its own, sized by the request's
 * Content-Length (at most the upload limit): no step copies the whole file on the event loop (13 MB
 * copied at once held it 10–30 ms), and a buffer of its own can be lent to the PDF reading thread.
 */
async function collect(stream: AsyncIterable<Buffer>, sizeHint: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafeSlow(Math.max(sizeHint, 64 * 1024));
  let length = 0;
  for await (const chunk of stream) {
    if (length + chunk.length > buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, length + chunk.length));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    chunk.copy(buffer, length);
    length += chunk.length;
  }
  return buffer.subarray(0, length);
}

/**
 * Reads a multipart PDF upload before validation runs: the file field `fil` into memory (limits of
 * one file up to PDF_UPLOAD_MAX_MB are set where the app registers the multipart plugin) and the
 * text fields into the body. The plugin stops reading at the limit; that becomes FILE_TOO_LARGE
 * naming it; a body that cannot be read is a 400 with its code. A request that is not multipart
 * carries no file, which the PDF check refuses.
 */
@Injectable()
export class PdfUppladdning implements NestInterceptor {
  /** Besides `fil`, may the request carry a Word file in the field `word`? */
  protected readonly medWord: boolean = false;

  constructor(private readonly granskning: PdfGranskning) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<UppladdningsRequest>();
    if (req.isMultipart()) {
      const falt: Record<string, string> = {};
      const sizeHint = Math.min(Number(req.headers['content-length']) || 0, this.granskning.maxBytes + 1);
      try {
        // A second file only where a Word file is welcome; the app's limits otherwise (one file).
        const delar = this.medWord
          ? req.parts({ limits: { fileSize: this.granskning.maxBytes, files: 2, fields: 5 } })
          : req.parts();
        for await (const part of delar) {
          // A page's upload form: its token comes first, before any file is read (CsrfIFormulardel).
          if (verifyCsrfFormulardel(req, part)) continue;
          if (part.type === 'file') {
            const data = await collect(part.file, sizeHint);
            // A page's file field left empty still arrives, as a part without a name or bytes: no file.
            if (!part.filename && data.length === 0) continue;
            if (part.file.truncated) throw this.granskning.forStor();
            if (part.fieldname === 'fil') req.uppladdning = { buffer: data, originalname: part.filename };
            if (part.fieldname === 'word' && this.medWord) req.wordfil = { buffer: data, originalname: part.filename };
          } else {
            falt[part.fieldname] = String(part.value);
          }
        }
      } catch (e: unknown) {
        throw this.avslag(e);
      }
      if (req.csrfForvantad !== undefined) throw CSRF_TOKEN_INVALID;
      req.body = falt;
    }
    return next.handle();
  }

  /**
   * Everything that goes wrong while reading the body is the sender's: the plugin's limits, and
   * busboy's errors for a body it cannot parse (no boundary, a cut-off part, a bad header).
   */
  private avslag(e: unknown): DomainError {
    if (e instanceof DomainError) return e;
    switch ((e as { code?: string }).code) {
      case 'FST_FILES_LIMIT':
        return new DomainError('TOO_MANY_FILES');
      case 'FST_FIELDS_LIMIT':
      case 'FST_PARTS_LIMIT':
        return new DomainError('TOO_MANY_FIELDS');
      default:
        return new DomainError('MULTIPART_MALFORMED', { orsak: (e as Error).message });
    }
  }
}

/** An answer uploaded as PDF (`fil`), optionally with the same answer as a Word file (`word`). */
@Injectable()
export class SvarsUppladdning extends PdfUppladdning {
  protected override readonly medWord = true;
}

/** The file PdfUppladdning read from the field `fil`, if any. */
export const UppladdadFil = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Uppladdning | undefined =>
    ctx.switchToHttp().getRequest<UppladdningsRequest>().uppladdning,
);

/** The Word file SvarsUppladdning read from the field `word`, if any. */
export const UppladdadWordfil = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Uppladdning | undefined =>
    ctx.switchToHttp().getRequest<UppladdningsRequest>().wordfil,
);
