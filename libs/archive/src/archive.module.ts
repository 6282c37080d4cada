import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { UtkorgModule } from '@app/utkorg';
import { ArkivService } from './arkiv/arkiv.service';
import { ArkivhandlingController } from './arkiv/arkivhandling.controller';
import { ArkivhandlingRepository } from './arkiv/arkivhandling.repository';
import { ArkivhandlingService } from './arkiv/arkivhandling.service';
import { ArkiveringKind } from './arkiv/arkivering.kind';
import { ArkivkontrollKind } from './arkiv/arkivkontroll.kind';
import { DiarierService } from './diarium/diarier.service';
import { DiariumController } from './diarium/diarium.controller';
import { DiariumRepository } from './diarium/diarium.repository';
import { DiariumService } from './diarium/diarium.service';
import { DiariumSokReadModel } from './diarium/diarium-sok.read-model';
import { FilRepository } from './fil/fil.repository';
import { PdfGranskning } from './fil/pdf-granskning.service';
import { PdfUppladdning, SvarsUppladdning } from './fil/pdf-uppladdning.interceptor';

/**
 * The registrator's domain: diarier, their numbering and search, the ärenden and handlingar, and the
 * archive (arkivhandlingar, their PDF/A renditions and scheduled verification as outbox kinds). Needs
 * a `PdfRenderare` (global, picked by the app); only a process with UtkorgWorkerModule works the
 * archive's rows off.
 */
@Module({
  imports: [AuthModule, UtkorgModule],
  controllers: [DiariumController, ArkivhandlingController],
  providers: [
    DiariumRepository,
    DiariumSokReadModel,
    DiariumService,
    DiarierService,
    FilRepository,
    PdfGranskning,
    PdfUppladdning,
    SvarsUppladdning,
    ArkivService,
    ArkivhandlingRepository,
    ArkivhandlingService,
    ArkiveringKind,
    ArkivkontrollKind,
  ],
  exports: [
    DiariumRepository,
    DiariumService,
    DiarierService,
    FilRepository,
    PdfGranskning,
    PdfUppladdning,
    SvarsUppladdning,
    ArkivService,
    ArkivhandlingService,
  ],
})
export class ArchiveModule {}
