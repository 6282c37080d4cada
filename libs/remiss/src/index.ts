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
// The sender's follow-up of a sent remiss, for its pages (libs/web).
export { RemissUppfoljningModule } from './uppfoljning/remiss-uppfoljning.module';
export { RemissOversiktService } from './uppfoljning/remiss-oversikt.service';
export { RemissFoljningService } from './uppfoljning/remiss-foljning.service';
export { RemissUppfoljningService } from './uppfoljning/remiss-uppfoljning.service';
export { RemissTillaggService } from './uppfoljning/remiss-tillagg.service';
export { MottagetSvarService } from './uppfoljning/mottaget-svar.service';
export type { RemissFoljningResponse } from './uppfoljning/remiss-foljning.response';
export {
  AnstandDto,
  KompletteringDto,
  MottagetSvarDto,
  NyInstansDto,
  NyLankDto,
  OrsakDto,
} from './uppfoljning/remiss-uppfoljning.dto';
