import { Module } from '@nestjs/common';
import { RemissUppfoljningModule } from '@app/remiss';
import { WebGrundModule } from '../grund/web-grund.module';
import { RemissStatusController } from './remiss-status.controller';

/** The sender's pages after sending: the status page of a remiss and its actions. */
@Module({
  imports: [WebGrundModule, RemissUppfoljningModule],
  controllers: [RemissStatusController],
})
export class RemissUppfoljningSidorModule {}
