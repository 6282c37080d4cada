import { Module } from '@nestjs/common';
import { MailModule } from '@app/mail';
import { WebGrundModule } from '../grund/web-grund.module';
import { UtvecklingsepostController } from './utvecklingsepost.controller';
import { UtvecklingsepostService } from './utvecklingsepost.service';

/** Pages for development only (the caught mails); each answers 404 where its tool does not run. */
@Module({
  imports: [WebGrundModule, MailModule],
  controllers: [UtvecklingsepostController],
  providers: [UtvecklingsepostService],
})
export class UtvecklingWebModule {}
