import { PdfMetadata, RemissammanstallningDokument, RemissmissivDokument, RemissvarDokument } from './dokument';

/**
 * What a service needs to get a PDF. PdfService renders in this process; PdfKoKlient asks the
 * pdf-worker through the `pdf` queue. Inject `PdfRenderare` to not care which.
 */
export abstract class PdfRenderare {
  abstract renderRemissvar(doc: RemissvarDokument): Promise<Buffer>;
  abstract renderRemissmissiv(doc: RemissmissivDokument): Promise<Buffer>;
  abstract renderRemissammanstallning(doc: RemissammanstallningDokument): Promise<Buffer>;
  abstract toPdfA(pdf: Buffer, meta: PdfMetadata): Promise<Buffer>;
}
