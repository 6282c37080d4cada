import { Module } from '@nestjs/common';
import { SvarModule } from '@app/svar';
import { WebGrundModule } from '../grund/web-grund.module';
import { InkorgController } from './inkorg.controller';
import { InstansController } from './instans.controller';

/** The nämnd's pages: its inkorg and each remissinstans as received (registrera, avstå, the handlingar). */
@Module({
  imports: [WebGrundModule, SvarModule],
  controllers: [InkorgController, InstansController],
})
export class InkorgSidorModule {}
