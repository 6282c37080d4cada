import { Module } from '@nestjs/common';
import { WebGrundModule } from './grund/web-grund.module';
import { SvarSidorModule } from './svar/svar-sidor.module';

/** Every page of the platform: the foundation and each section's pages. */
@Module({
  imports: [WebGrundModule, SvarSidorModule],
})
export class WebModule {}
