import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { WebGrundModule } from '../grund/web-grund.module';
import { ArkivController } from './arkiv.controller';

/** The registrator's archive pages (`/diarium/arkiv/:id`); the diarium's own pages are elsewhere. */
@Module({
  imports: [WebGrundModule, ArchiveModule],
  controllers: [ArkivController],
})
export class ArkivSidorModule {}
