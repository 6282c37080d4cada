import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** A Word document (.docx), as an external instans may send along with its PDF answer. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A file as a service hands it to whoever serves it (the API, a web page). The service decides the
 * disposition: `attachment` for files someone uploaded (remisshandlingar, external answers), which the
 * user's own reader opens rather than the browser; `inline` only for documents the platform printed itself.
 */
export interface Filsvar {
  filnamn: string;
  data: Buffer;
  mediaType: 'application/pdf' | 'text/csv; charset=utf-8' | typeof DOCX_MEDIA_TYPE;
  disposition: 'inline' | 'attachment';
}

export const pdfFil = (filnamn: string, data: Buffer, disposition: Filsvar['disposition']): Filsvar => ({
  filnamn,
  data,
  mediaType: 'application/pdf',
  disposition,
});

/**
 * How every file leaves the platform: sandboxed (no script, no same origin, should a browser render
 * it as a page) and never content-sniffed into something else.
 */
export function sendFil(res: FastifyReply, fil: Filsvar): StreamableFile {
  res.headers({
    'Content-Type': fil.mediaType,
    'Content-Disposition': `${fil.disposition}; filename*=UTF-8''${encodeURIComponent(fil.filnamn)}`,
    'Content-Security-Policy': 'sandbox',
    'X-Content-Type-Options': 'nosniff',
  });
  return new StreamableFile(fil.data);
}

/** The OpenAPI answer of an operation that serves a file: its media type, bytes. */
export const filResponse = (mediaType: Filsvar['mediaType'], description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' as const, format: 'binary' } } },
});

export const PDF_RESPONSE = filResponse('application/pdf', 'The PDF');
