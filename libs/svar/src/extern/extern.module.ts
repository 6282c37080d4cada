import { Module } from '@nestjs/common';
import { RemissKarnaModule } from '@app/remiss';
import { ExternController } from './extern.controller';
import { ExternService } from './extern.service';
import { OkandaLankar } from './okanda-lankar.service';

/** External remissinstanser without an account: their personal links (served by namnd-service and platform). */
@Module({ imports: [RemissKarnaModule], controllers: [ExternController], providers: [ExternService, OkandaLankar] })
export class ExternModule {}
