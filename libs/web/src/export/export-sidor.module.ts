import { Module } from '@nestjs/common';
import { EarkivExportModule } from '@app/archive';
import { WebGrundModule } from '../grund/web-grund.module';
import { ExportController } from './export.controller';

/** The registrator's e-arkiv export pages (`/diarium/export…`). */
@Module({
  imports: [WebGrundModule, EarkivExportModule],
  controllers: [ExportController],
})
export class ExportSidorModule {}
