import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ArkivService } from './arkiv/arkiv.service';
import { DiarierService } from './diarium/diarier.service';
import { DiariumController } from './diarium/diarium.controller';
import { DiariumRepository } from './diarium/diarium.repository';
import { DiariumService } from './diarium/diarium.service';
import { DiariumSokReadModel } from './diarium/diarium-sok.read-model';
import { FilRepository } from './fil/fil.repository';

/** The registrator's domain: diarier, their numbering and search, the ärenden and handlingar; the archive next. */
@Module({
  imports: [AuthModule],
  controllers: [DiariumController],
  providers: [DiariumRepository, DiariumSokReadModel, DiariumService, DiarierService, FilRepository, ArkivService],
  exports: [DiariumRepository, DiariumService, DiarierService, FilRepository, ArkivService],
})
export class ArchiveModule {}
