import { Module } from '@nestjs/common';
import { RemissTjansterModule } from '@app/remiss';
import { WebGrundModule } from '../grund/web-grund.module';
import { HandlingarController } from './handlingar.controller';
import { MottagareController } from './mottagare.controller';
import { RemisserController } from './remisser.controller';
import { UtkastController } from './utkast.controller';

/** The remissansvarig's pages: the remisser list and an utkast up to sending (uppgifter, mottagare, handlingar, skicka). */
@Module({
  imports: [WebGrundModule, RemissTjansterModule],
  controllers: [RemisserController, UtkastController, MottagareController, HandlingarController],
})
export class RemisserSidorModule {}
