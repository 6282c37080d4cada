import { Module } from '@nestjs/common';
import { KontonModule } from '@app/auth';
import { WebGrundModule } from '../grund/web-grund.module';
import { DriftController } from './drift.controller';

/** The platform operator's pages (`/drift/…`). */
@Module({
  imports: [WebGrundModule, KontonModule],
  controllers: [DriftController],
})
export class DriftSidorModule {}
