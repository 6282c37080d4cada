import { Module } from '@nestjs/common';
import { RemissModule } from '@app/remiss';
import { WebGrundModule } from '../grund/web-grund.module';
import { SammanstallningController } from './sammanstallning.controller';

/** The sender's sammanställning pages: the compiled answers, ställningstaganden, PDF and CSV. */
@Module({
  imports: [WebGrundModule, RemissModule],
  controllers: [SammanstallningController],
})
export class SammanstallningSidorModule {}
