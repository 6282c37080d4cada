import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ArkivService } from './arkiv/arkiv.service';
import { DiariumController } from './diarium/diarium.controller';
import { DiariumRepository } from './diarium/diarium.repository';
import { DiariumService } from './diarium/diarium.service';
import { FilRepository } from './fil/fil.repository';

/** The registrator's domain: diarier and their numbering now; the archive (PDF/A, e-arkiv export) next. */
@Module({
  imports: [AuthModule],
  controllers: [DiariumController],
  providers: [DiariumRepository, DiariumService, FilRepository, ArkivService],
  exports: [DiariumRepository, DiariumService, FilRepository, ArkivService],
})
export class ArchiveModule {}
