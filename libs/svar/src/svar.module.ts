import { Module } from '@nestjs/common';
import { BrevhuvudModule } from '@app/brevhuvud';
import { ArchiveModule } from '@app/archive';
import { AuthModule } from '@app/auth';
import { MailModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { DocxModule } from '@app/pdf';
import { RemissKarnaModule } from '@app/remiss';
import { RemissvarUtskrift } from './dokument/remissvar-utskrift.service';
import { ExpedieringController } from './expediering/expediering.controller';
import { ExpedieringService } from './expediering/expediering.service';
import { InstansSvarService } from './instans-svar/instans-svar.service';
import { InkorgController } from './inkorg/inkorg.controller';
import { InkorgReadModel } from './inkorg/inkorg.read-model';
import { InkorgService } from './inkorg/inkorg.service';
import { Innehallsgranskning } from './innehall/innehallsgranskning.service';
import { NamndInstansController } from './instans/namnd-instans.controller';
import { NamndInstansRepository } from './instans/namnd-instans.repository';
import { NamndInstansService } from './instans/namnd-instans.service';
import { RegistreringService } from './instans/registrering.service';
import { RemissvarController } from './remissvar.controller';
import { RemissvarRepository } from './remissvar.repository';
import { RemissvarService } from './remissvar.service';

/**
 * The nämnd's side: inkorg, registrering, remissvar, beslut, expediering. Needs a PdfRenderare
 * from the app (PdfModule or PdfKoModule); the Word file is rendered in process (DocxModule).
 */
@Module({
  // The remiss as its sender keeps it (its remisshandlingar): read through the sender's side, never copied.
  imports: [AuthModule, ArchiveModule, RemissKarnaModule, RemindersModule, MailModule, DocxModule, BrevhuvudModule],
  controllers: [InkorgController, NamndInstansController, RemissvarController, ExpedieringController],
  providers: [
    InkorgReadModel,
    InkorgService,
    NamndInstansRepository,
    NamndInstansService,
    RegistreringService,
    Innehallsgranskning,
    RemissvarRepository,
    RemissvarService,
    RemissvarUtskrift,
    ExpedieringService,
    InstansSvarService,
    NamndInstansRepository,
  ],
  // The external link's module answers with the same model, checks and PDF; the web pages call
  // the services the API does (libs/web); InstansSvarService reaches an answer through its instans.
  exports: [
    RemissvarRepository,
    Innehallsgranskning,
    RemissvarUtskrift,
    InkorgService,
    NamndInstansService,
    RegistreringService,
    ExpedieringService,
    InstansSvarService,
    NamndInstansRepository,
  ],
})
export class SvarModule {}
