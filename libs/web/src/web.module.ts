import { Module } from '@nestjs/common';
import { DiariumSidorModule } from './diarium/diarium-sidor.module';
import { ArkivSidorModule } from './arkiv/arkiv-sidor.module';
import { ExportSidorModule } from './export/export-sidor.module';
import { AdminSidorModule } from './admin/admin-sidor.module';
import { ExternSidorModule } from './extern/extern-sidor.module';
import { WebGrundModule } from './grund/web-grund.module';
import { InkorgSidorModule } from './inkorg/inkorg-sidor.module';
import { SammanstallningSidorModule } from './sammanstallning/sammanstallning-sidor.module';
import { RemissUppfoljningSidorModule } from './remiss-uppfoljning/remiss-uppfoljning-sidor.module';
import { SvarSidorModule } from './svar/svar-sidor.module';
import { RemisserSidorModule } from './remisser/remisser-sidor.module';
import { UtvecklingWebModule } from './utveckling/utveckling.module';
import { AnvandareSidorModule } from './anvandare/anvandare-sidor.module';
import { DriftSidorModule } from './drift/drift-sidor.module';
import { KontoSidorModule } from './konto/konto-sidor.module';

/** Every page of the platform: the foundation and each section's pages. */
@Module({
  imports: [
    WebGrundModule,
    InkorgSidorModule,
    SvarSidorModule,
    ExternSidorModule,
    UtvecklingWebModule,
    DiariumSidorModule,
    ArkivSidorModule,
    ExportSidorModule,
    // Accounts (#16): the operator's, the admin's users and one's own password.
    DriftSidorModule,
    AnvandareSidorModule,
    KontoSidorModule,
    SammanstallningSidorModule,
    RemisserSidorModule,
    RemissUppfoljningSidorModule,
    AdminSidorModule,
  ],
})
export class WebModule {}
