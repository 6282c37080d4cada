import { Module } from '@nestjs/common';
import { RemissKarnaModule } from '@app/remiss';
import { SvarModule } from '../svar.module';
import { ExternRemissvarService } from './extern-remissvar.service';
import { ExternController } from './extern.controller';
import { ExternService } from './extern.service';
import { LankTillgang } from './lank-tillgang.service';
import { OkandaLankar } from './okanda-lankar.service';

/**
 * External remissinstanser without an account: their personal links (served by namnd-service and
 * platform). Their structured answer is the nämnd's remissvar, so this builds on SvarModule.
 */
@Module({
  imports: [RemissKarnaModule, SvarModule],
  controllers: [ExternController],
  providers: [LankTillgang, ExternService, ExternRemissvarService, OkandaLankar],
  exports: [ExternService, ExternRemissvarService],
})
export class ExternModule {}
