import { Module } from '@nestjs/common';
import { DiariumController } from './diarium/diarium.controller';
import { DiariumRepository } from './diarium/diarium.repository';
import { DiariumService } from './diarium/diarium.service';

/** The registrator's domain: diarier and their numbering now; the archive (PDF/A, e-arkiv export) next. */
@Module({
  controllers: [DiariumController],
  providers: [DiariumRepository, DiariumService],
  exports: [DiariumRepository, DiariumService],
})
export class ArchiveModule {}
