import { Module } from '@nestjs/common';
import { RemissKarnaModule } from '@app/remiss';
import { ExternModule } from '@app/svar';
import { WebGrundModule } from '../grund/web-grund.module';
import { ExternController } from './extern.controller';

/** The pages of external remissinstanser' personal links: the remiss, the three ways to answer, the receipt. */
@Module({
  // RemissKarnaModule: the upload interceptor's PDF check.
  imports: [WebGrundModule, RemissKarnaModule, ExternModule],
  controllers: [ExternController],
})
export class ExternSidorModule {}
