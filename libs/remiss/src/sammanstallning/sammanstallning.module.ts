import { Module } from '@nestjs/common';
import { RemissKarnaModule } from '../remiss-karna.module';
import { SammanstallningArkiveringModule } from './sammanstallning-arkivering.module';
import { SammanstallningRepository } from './sammanstallning.repository';
import { SammanstallningService } from './sammanstallning.service';
import { StallningstagandeRepository } from './stallningstagande.repository';
import { StallningstagandeService } from './stallningstagande.service';

/**
 * The sammanställning's services without controllers: RemissModule adds the API's, and the web pages
 * import this alone, so an app that serves the pages (namnd-service) does not also get the sender's API.
 */
@Module({
  imports: [RemissKarnaModule, SammanstallningArkiveringModule],
  providers: [SammanstallningRepository, SammanstallningService, StallningstagandeRepository, StallningstagandeService],
  exports: [SammanstallningArkiveringModule, SammanstallningService, StallningstagandeService],
})
export class SammanstallningModule {}
