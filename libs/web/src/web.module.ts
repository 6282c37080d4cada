import { Module } from '@nestjs/common';
import { ExternSidorModule } from './extern/extern-sidor.module';
import { WebGrundModule } from './grund/web-grund.module';
import { InkorgSidorModule } from './inkorg/inkorg-sidor.module';
import { RemissUppfoljningSidorModule } from './remiss-uppfoljning/remiss-uppfoljning-sidor.module';
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
    RemissUppfoljningSidorModule,
  ],
})
export class WebModule {}
