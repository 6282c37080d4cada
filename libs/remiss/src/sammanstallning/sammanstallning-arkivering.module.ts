import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { AuthModule } from '@app/auth';
import { UtkorgModule } from '@app/utkorg';
import { SammanstallningArkiveringKind } from './sammanstallning-arkivering.kind';
import { SammanstallningArkiveringRepository } from './sammanstallning-arkivering.repository';

/**
 * The sammanställning's archive copy as an outbox kind, apart from the rest of the sammanställning
 * so the outbox worker (apps/reminder-worker) gets it without the remiss services. Needs a
 * `PdfRenderare` (global, picked by the app); only a process with UtkorgWorkerModule prints and archives.
 */
@Module({
  imports: [AuthModule, ArchiveModule, UtkorgModule],
  providers: [SammanstallningArkiveringRepository, SammanstallningArkiveringKind],
  exports: [SammanstallningArkiveringKind],
})
export class SammanstallningArkiveringModule {}
