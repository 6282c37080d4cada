import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { RemissvarUtskrift } from './dokument/remissvar-utskrift';
import { ExpedieringController } from './expediering/expediering.controller';
import { ExpedieringService } from './expediering/expediering.service';
import { InkorgController } from './inkorg/inkorg.controller';
import { InkorgRepository } from './inkorg/inkorg.repository';
import { InkorgService } from './inkorg/inkorg.service';
import { Innehallsgranskning } from './innehall/innehallsgranskning';
import { NamndInstansController } from './instans/namnd-instans.controller';
import { NamndInstansRepository } from './instans/namnd-instans.repository';
import { RegistreringService } from './instans/registrering.service';
import { RemissvarController } from './remissvar.controller';
import { RemissvarRepository } from './remissvar.repository';
import { RemissvarService } from './remissvar.service';

/**
 * The nämnd's side: inkorg, registrering, remissvar, beslut, expediering. Needs a PdfRenderare,
 * PaminnelsePlanering and EpostUtkorg from the app (PdfModule or PdfKoModule, RemindersModule, UtkorgModule).
 */
@Module({
  imports: [ArchiveModule],
  controllers: [InkorgController, NamndInstansController, RemissvarController, ExpedieringController],
  providers: [
    InkorgRepository,
    InkorgService,
    NamndInstansRepository,
    RegistreringService,
    Innehallsgranskning,
    RemissvarRepository,
    RemissvarService,
    RemissvarUtskrift,
    ExpedieringService,
  ],
  exports: [RemissvarRepository],
})
export class SvarModule {}
