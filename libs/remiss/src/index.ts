export * from './remiss.module';
export * from './remiss-karna.module';
export * from './remiss.repository';
export * from './utkast/svarsdatum-regel';
export { RemissinstansResponse, toRemissinstansResponse } from './remiss.response';
// What the external link (libs/svar's ExternModule) shares with the sender's side.
export { PDF_UPLOAD_BODY, SVAR_UPLOAD_BODY } from './http/pdf-http';
export { Aviseringar } from './utskick/aviseringar.service';
export { externtSvarEpost, remissavsandare } from './utskick/remiss-epost';
export type { Remissavsandare } from './utskick/remiss-epost';
export { RemissinstansRepository } from './utskick/remissinstans.repository';
export { RemissfragaResponse } from './remiss.response';
// The sammanställning's pages (libs/web, #14).
export { SammanstallningModule } from './sammanstallning/sammanstallning.module';
// The outbox worker (apps/reminder-worker) prints and archives the sammanställning's archive copy.
export { SammanstallningArkiveringModule } from './sammanstallning/sammanstallning-arkivering.module';
export { SammanstallningArkiveringKind } from './sammanstallning/sammanstallning-arkivering.kind';
export { SammanstallningService } from './sammanstallning/sammanstallning.service';
export { StallningstagandeService } from './sammanstallning/stallningstagande.service';
export { SammanstallningQuery, StallningstagandeDto } from './sammanstallning/sammanstallning.dto';
export { CSV_KOLUMNER } from './sammanstallning/sammanstallning';
// The sender's pages (libs/web/src/remisser) call the same services as the API.
export { RemissOversiktService } from './uppfoljning/remiss-oversikt.service';
export { RemissListQuery } from './uppfoljning/remiss-uppfoljning.dto';
export type { RemissRad } from './uppfoljning/remiss-lista.read-model';
export { RemissUtkastService } from './utkast/remiss-utkast.service';
export { AndraRemissDto, KontaktpersonDto, MottagareDto, NyRemissDto } from './utkast/remiss-utkast.dto';
export type { DiariumVal, NyttUtkastVy, UtkastVy } from './utkast/remiss-utkast.view';
export { RemissMottagareService } from './mottagare/remiss-mottagare.service';
export { SandlistaService } from './mottagare/sandlista.service';
export type { MottagareVy } from './mottagare/mottagare.view';
export { MottagarImportResponse } from './mottagare/mottagare.response';
export { RemisshandlingService } from './handlingar/remisshandling.service';
export { RemissUtskickService } from './utskick/remiss-utskick.service';
export { SkickaSammanfattningResponse } from './utskick/skicka.response';
export { RemissResponse, RemisshandlingResponse } from './remiss.response';
export type { HandlingarVy } from './handlingar/remisshandling.service';
/** The states a remiss can be in, for the list's status filter. */
export { REMISS_STATUSAR } from '@app/database';
// The sender's follow-up of a sent remiss, for its pages (libs/web).
export { RemissUppfoljningModule } from './uppfoljning/remiss-uppfoljning.module';
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
