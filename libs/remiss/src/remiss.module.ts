import { Module } from '@nestjs/common';
import { RemisshandlingController } from './handlingar/remisshandling.controller';
import { RemisshandlingService } from './handlingar/remisshandling.service';
import { RemissKarnaModule } from './remiss-karna.module';
import { RemissController } from './remiss.controller';
import { RemissService } from './remiss.service';
import { SammanstallningController } from './sammanstallning/sammanstallning.controller';
import { SammanstallningRepository } from './sammanstallning/sammanstallning.repository';
import { SammanstallningService } from './sammanstallning/sammanstallning.service';
import { RemissOversiktController } from './uppfoljning/remiss-oversikt.controller';
import { RemissTillaggController } from './uppfoljning/remiss-tillagg.controller';
import { RemissUppfoljningController } from './uppfoljning/remiss-uppfoljning.controller';
import { RemissUppfoljningModule } from './uppfoljning/remiss-uppfoljning.module';
import { RemissUtkastController } from './utkast/remiss-utkast.controller';
import { RemissUtkastService } from './utkast/remiss-utkast.service';
import { RemissUtskickController } from './utskick/remiss-utskick.controller';
import { RemissUtskickService } from './utskick/remiss-utskick.service';

/**
 * The sender's side: remisser, their handlingar and instanser, the sammanställning (KLK's remissansvarig).
 * Needs a PdfRenderare from the app (PdfModule in process, or PdfKoModule through the pdf-worker).
 */
@Module({
  imports: [RemissKarnaModule, RemissUppfoljningModule],
  controllers: [
    RemissUtkastController,
    RemissOversiktController,
    RemisshandlingController,
    RemissUtskickController,
    RemissUppfoljningController,
    RemissTillaggController,
    SammanstallningController,
    RemissController,
  ],
  providers: [
    RemissService,
    RemissUtkastService,
    RemisshandlingService,
    RemissUtskickService,
    SammanstallningRepository,
    SammanstallningService,
  ],
  exports: [RemissKarnaModule, RemissUppfoljningModule],
})
export class RemissModule {}
