import { Module } from '@nestjs/common';
import { KontonModule } from '@app/auth';
import { WebGrundModule } from '../grund/web-grund.module';
import { AnvandareController } from './anvandare.controller';

/** The organisation admin's users (`/admin/anvandare…`). */
@Module({
  imports: [WebGrundModule, KontonModule],
  controllers: [AnvandareController],
})
export class AnvandareSidorModule {}
