import { Module } from '@nestjs/common';
import { KontonModule } from '@app/auth';
import { WebGrundModule } from '../grund/web-grund.module';
import { LosenordController } from './losenord.controller';

/** The password pages (`/konto/losenord`, `/glomt-losenord`, `/inbjudan/:token`, `/aterstall/:token`). */
@Module({
  imports: [WebGrundModule, KontonModule],
  controllers: [LosenordController],
})
export class KontoSidorModule {}
