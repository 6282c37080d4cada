import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * How a PDF leaves the platform: `attachment` for files someone uploaded (remisshandlingar,
 * external answers), which the user's own reader opens rather than the browser; `inline` only for
 * documents the platform printed itself. Every PDF is sandboxed (no script, no same origin, should
 * a browser render it as a page) and never content-sniffed into something else.
 */
export function sendPdf(
  res: FastifyReply,
  filnamn: string,
  data: Buffer,
  disposition: 'inline' | 'attachment',
): StreamableFile {
  res.headers({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(filnamn)}`,
    'Content-Security-Policy': 'sandbox',
    'X-Content-Type-Options': 'nosniff',
  });
  return new StreamableFile(data);
}
