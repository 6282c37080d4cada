import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** A Word document (.docx): an answer's editable rendition, or what an external instans sends along with its PDF. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A file as a service hands it to whoever serves it (the API, a web page). The service decides the
 * disposition: `attachment` for files someone uploaded (remisshandlingar, external answers), which the
 * user's own reader opens rather than the browser; `inline` only for documents the platform printed itself.
 */
export interface Filsvar {
  filnamn: string;
  /** The bytes, or a stream of them for a file too large to hold whole (an e-arkiv package). */
  data: Buffer | Readable;
  /** The length in bytes when `data` is a stream (sent as Content-Length). */
  storlek?: number;
  mediaType: 'application/pdf' | 'text/csv; charset=utf-8' | 'application/zip' | typeof DOCX_MEDIA_TYPE;
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
  const options = fil.storlek === undefined ? {} : { length: fil.storlek };
  return Buffer.isBuffer(fil.data) ? new StreamableFile(fil.data, options) : new StreamableFile(fil.data, options);
}

/** The OpenAPI answer of an operation that serves a file: its media type, bytes. */
export const filResponse = (mediaType: Filsvar['mediaType'], description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' as const, format: 'binary' } } },
});

export const PDF_RESPONSE = filResponse('application/pdf', 'The PDF');
export const DOCX_RESPONSE = filResponse(DOCX_MEDIA_TYPE, 'The Word file');
export const ZIP_RESPONSE = filResponse('application/zip', 'The ZIP archive');
