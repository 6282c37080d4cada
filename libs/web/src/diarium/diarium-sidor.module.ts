import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { WebGrundModule } from '../grund/web-grund.module';
import { DiarierSidController } from './diarier.controller';
import { DiariumSidController } from './diarium.controller';

/** The registrator's diarium pages and the admin's diarier page. */
@Module({
  imports: [WebGrundModule, ArchiveModule],
  controllers: [DiariumSidController, DiarierSidController],
})
export class DiariumSidorModule {}
