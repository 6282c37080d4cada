import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The OpenAPI body of every PDF upload: the multipart field `fil`, and an optional title. */
export const PDF_UPLOAD_BODY = {
  schema: { type: 'object', required: ['fil'], properties: { fil: { type: 'string', format: 'binary' }, titel: { type: 'string' } } },
};

/** Sends stored PDF bytes with a file name that survives å ä ö. */
export function sendPdf(res: FastifyReply, filnamn: string, data: Buffer, disposition: 'inline' | 'attachment' = 'inline'): StreamableFile {
  res.headers({ 'Content-Type': 'application/pdf', 'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(filnamn)}` });
  return new StreamableFile(data);
}
