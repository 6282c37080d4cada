import { Module } from '@nestjs/common';
import { AdminSidorModule } from './admin/admin-sidor.module';
import { ExternSidorModule } from './extern/extern-sidor.module';
import { WebGrundModule } from './grund/web-grund.module';
import { InkorgSidorModule } from './inkorg/inkorg-sidor.module';
import { SvarSidorModule } from './svar/svar-sidor.module';
import { UtvecklingWebModule } from './utveckling/utveckling.module';

/** Every page of the platform: the foundation and each section's pages. */
@Module({
  imports: [
    WebGrundModule,
    InkorgSidorModule,
    SvarSidorModule,
    ExternSidorModule,
    UtvecklingWebModule,
    AdminSidorModule,
  ],
})
export class WebModule {}
