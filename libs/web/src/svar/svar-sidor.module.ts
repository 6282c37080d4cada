import { Module } from '@nestjs/common';
import { SvarModule } from '@app/svar';
import { WebGrundModule } from '../grund/web-grund.module';
import { SvarController } from './svar.controller';

/** The nämnd's answer pages: editor, history, preview, för beslut, beslut, expediering. */
@Module({
  imports: [WebGrundModule, SvarModule],
  controllers: [SvarController],
})
export class SvarSidorModule {}
