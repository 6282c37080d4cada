import { Module } from '@nestjs/common';
import { SammanstallningModule } from '@app/remiss';
import { WebGrundModule } from '../grund/web-grund.module';
import { SammanstallningController } from './sammanstallning.controller';

/** The sender's sammanställning pages: the compiled answers, ställningstaganden, PDF and CSV. */
@Module({
  imports: [WebGrundModule, SammanstallningModule],
  controllers: [SammanstallningController],
})
export class SammanstallningSidorModule {}
