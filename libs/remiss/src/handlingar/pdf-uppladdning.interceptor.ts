import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { PdfGranskning } from './pdf-granskning';

/**
 * Placed before FileInterceptor: multer stops reading at the configured size (MulterModule in the
 * module) and Nest reports "File too large"; this turns that into FILE_TOO_LARGE naming the limit.
 */
@Injectable()
export class PdfUppladdning implements NestInterceptor {
  constructor(private readonly granskning: PdfGranskning) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((e: unknown) => throwError(() => (e instanceof PayloadTooLargeException ? this.granskning.forStor() : e))));
  }
}
