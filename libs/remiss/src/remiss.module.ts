import { Module } from '@nestjs/common';
import { RemisshandlingController } from './handlingar/remisshandling.controller';
import { RemisshandlingService } from './handlingar/remisshandling.service';
import { RemissKarnaModule } from './remiss-karna.module';
import { RemissController } from './remiss.controller';
import { RemissService } from './remiss.service';
import { SammanstallningController } from './sammanstallning/sammanstallning.controller';
import { SammanstallningModule } from './sammanstallning/sammanstallning.module';
import { StallningstagandeController } from './sammanstallning/stallningstagande.controller';
import { RemissOversiktController } from './uppfoljning/remiss-oversikt.controller';
import { RemissListaReadModel } from './uppfoljning/remiss-lista.read-model';
import { RemissOversiktService } from './uppfoljning/remiss-oversikt.service';
import { RemissUppfoljningController } from './uppfoljning/remiss-uppfoljning.controller';
import { RemissUppfoljningService } from './uppfoljning/remiss-uppfoljning.service';
import { RemissUtkastController } from './utkast/remiss-utkast.controller';
import { RemissUtkastService } from './utkast/remiss-utkast.service';
import { RemissUtskickController } from './utskick/remiss-utskick.controller';
import { RemissUtskickService } from './utskick/remiss-utskick.service';

/**
 * The sender's side: remisser, their handlingar and instanser, the sammanställning (KLK's remissansvarig).
 * Needs a PdfRenderare from the app (PdfModule in process, or PdfKoModule through the pdf-worker).
 */
@Module({
  imports: [RemissKarnaModule, SammanstallningModule],
  controllers: [
    RemissUtkastController,
    RemissOversiktController,
    RemisshandlingController,
    RemissUtskickController,
    RemissUppfoljningController,
    SammanstallningController,
    StallningstagandeController,
    RemissController,
  ],
  providers: [
    RemissService,
    RemissUtkastService,
    RemissOversiktService,
    RemissListaReadModel,
    RemisshandlingService,
    RemissUtskickService,
    RemissUppfoljningService,
  ],
  exports: [RemissKarnaModule],
})
export class RemissModule {}
