import { Module } from '@nestjs/common';
import { RemissKarnaModule } from '../remiss-karna.module';
import { SammanstallningModule } from '../sammanstallning/sammanstallning.module';
import { MottagetSvarService } from './mottaget-svar.service';
import { RemissFoljningService } from './remiss-foljning.service';
import { RemissListaReadModel } from './remiss-lista.read-model';
import { RemissOversiktService } from './remiss-oversikt.service';
import { RemissTillaggService } from './remiss-tillagg.service';
import { RemissUppfoljningService } from './remiss-uppfoljning.service';

/**
 * Following a sent remiss, without controllers: RemissModule serves them as the API, and the sender's
 * pages (libs/web) import this alone, so an app with the pages gets no remiss API it did not ask for.
 */
@Module({
  imports: [RemissKarnaModule, SammanstallningModule],
  providers: [
    RemissOversiktService,
    RemissListaReadModel,
    RemissUppfoljningService,
    RemissFoljningService,
    RemissTillaggService,
    MottagetSvarService,
  ],
  exports: [
    // The upload interceptor (PdfUppladdning) of the pages' forms.
    RemissKarnaModule,
    RemissOversiktService,
    RemissUppfoljningService,
    RemissFoljningService,
    RemissTillaggService,
    MottagetSvarService,
  ],
})
export class RemissUppfoljningModule {}
