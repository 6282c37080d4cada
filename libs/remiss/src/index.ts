export * from './remiss.module';
export * from './remiss-karna.module';
export * from './remiss.repository';
export * from './handlingar/pdf-granskning.service';
export * from './utkast/svarsdatum-regel';
export { RemissinstansResponse, toRemissinstansResponse } from './remiss.response';
// What the external link (libs/svar's ExternModule) shares with the sender's side.
export {
  PdfUppladdning,
  SvarsUppladdning,
  UppladdadFil,
  UppladdadWordfil,
} from './handlingar/pdf-uppladdning.interceptor';
export type { Uppladdning } from './handlingar/remisshandling.service';
export { PDF_UPLOAD_BODY, SVAR_UPLOAD_BODY } from './http/pdf-http';
export { Aviseringar } from './utskick/aviseringar.service';
export { externtSvarEpost, remissavsandare } from './utskick/remiss-epost';
export type { Remissavsandare } from './utskick/remiss-epost';
export { RemissinstansRepository } from './utskick/remissinstans.repository';
export { RemissfragaResponse } from './remiss.response';
// The sammanställning's pages (libs/web, #14).
export { SammanstallningModule } from './sammanstallning/sammanstallning.module';
export { SammanstallningService } from './sammanstallning/sammanstallning.service';
export { StallningstagandeService } from './sammanstallning/stallningstagande.service';
export { SammanstallningQuery, StallningstagandeDto } from './sammanstallning/sammanstallning.dto';
export { CSV_KOLUMNER } from './sammanstallning/sammanstallning';
