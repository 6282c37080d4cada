import { Module } from '@nestjs/common';
import { RemisshandlingController } from './handlingar/remisshandling.controller';
import { RemisshandlingService } from './handlingar/remisshandling.service';
import { RemissMottagareController } from './mottagare/remiss-mottagare.controller';
import { RemissMottagareService } from './mottagare/remiss-mottagare.service';
import { SandlistaRepository } from './mottagare/sandlista.repository';
import { SandlistaService } from './mottagare/sandlista.service';
import { RemissKarnaModule } from './remiss-karna.module';
import { RemissController } from './remiss.controller';
import { RemissService } from './remiss.service';
import { SammanstallningController } from './sammanstallning/sammanstallning.controller';
import { SammanstallningModule } from './sammanstallning/sammanstallning.module';
import { StallningstagandeController } from './sammanstallning/stallningstagande.controller';
import { RemissOversiktController } from './uppfoljning/remiss-oversikt.controller';
import { RemissTillaggController } from './uppfoljning/remiss-tillagg.controller';
import { RemissUppfoljningController } from './uppfoljning/remiss-uppfoljning.controller';
import { RemissUppfoljningModule } from './uppfoljning/remiss-uppfoljning.module';
import { RemissUtkastController } from './utkast/remiss-utkast.controller';
import { RemissUtkastService } from './utkast/remiss-utkast.service';
import { RemissUtskickController } from './utskick/remiss-utskick.controller';
import { RemissUtskickService } from './utskick/remiss-utskick.service';

const TJANSTER = [
  RemissService,
  RemissUtkastService,
  RemisshandlingService,
  RemissUtskickService,
  RemissMottagareService,
  SandlistaService,
];

/**
 * The sender's services without its HTTP API: what the API controllers and the sender's pages
 * (libs/web) both call. A service that serves pages imports this, so it does not serve the API too.
 * Needs a PdfRenderare from the app (PdfModule in process, or PdfKoModule through the pdf-worker).
 */
@Module({
  imports: [RemissKarnaModule, SammanstallningModule, RemissUppfoljningModule],
  providers: [...TJANSTER, SandlistaRepository],
  exports: [RemissKarnaModule, SammanstallningModule, RemissUppfoljningModule, ...TJANSTER],
})
export class RemissTjansterModule {}

/** The sender's side: remisser, their handlingar and instanser, the sammanställning (KLK's remissansvarig). */
@Module({
  imports: [RemissTjansterModule],
  controllers: [
    RemissUtkastController,
    RemissOversiktController,
    RemisshandlingController,
    RemissUtskickController,
    RemissUppfoljningController,
    RemissTillaggController,
    SammanstallningController,
    StallningstagandeController,
    RemissMottagareController,
    RemissController,
  ],
  exports: [RemissTjansterModule],
})
export class RemissModule {}
