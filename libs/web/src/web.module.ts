import { Module } from '@nestjs/common';
import { ExternSidorModule } from './extern/extern-sidor.module';
import { WebGrundModule } from './grund/web-grund.module';
import { UtvecklingWebModule } from './utveckling/utveckling.module';

/** Every page of the platform: the foundation and each section's pages. */
@Module({
  imports: [WebGrundModule, UtvecklingWebModule, ExternSidorModule],
})
export class WebModule {}
