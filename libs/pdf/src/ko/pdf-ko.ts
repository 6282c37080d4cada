import type { ConnectionOptions } from 'bullmq';
import { redisOptions } from '@app/database';
import { PdfMetadata, RemissammanstallningDokument, RemissmissivDokument, RemissvarDokument } from '../dokument';

/** The BullMQ queue through which services ask the pdf-worker for documents. */
export const PDF_KO = 'pdf';

export type PdfJobb =
  | { art: 'remissvar'; dokument: RemissvarDokument }
  | { art: 'remissmissiv'; dokument: RemissmissivDokument }
  | { art: 'remissammanstallning'; dokument: RemissammanstallningDokument }
  | { art: 'pdfa'; pdfBase64: string; metadata: PdfMetadata };

/**
 * A job's result is a reference, not the bytes: BullMQ copies return values into its event
 * stream, which would keep thousands of PDFs in Redis. The bytes wait under this key, briefly.
 */
export interface PdfResultat {
  nyckel: string;
}

export const RESULTAT_TTL_SEKUNDER = 600;

export function resultatNyckel(prefix: string, jobbId: string): string {
  return `${prefix}:${PDF_KO}:resultat:${jobbId}`;
}

/**
 * BullMQ declares its own RedisOptions, which ioredis' type does not quite match (optional
 * callbacks typed differently); the object is the same ioredis options BullMQ passes on.
 */
export function koAnslutning(redisUrl: string): ConnectionOptions {
  return redisOptions(redisUrl) as ConnectionOptions;
}
