import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { BrevhuvudController } from './brevhuvud.controller';
import { BrevhuvudRepository } from './brevhuvud.repository';
import { BrevhuvudService } from './brevhuvud.service';

/** Organisations' letterheads in the database: the admin's API, and what every document prints. */
@Module({
  imports: [AuthModule],
  controllers: [BrevhuvudController],
  providers: [BrevhuvudRepository, BrevhuvudService],
  exports: [BrevhuvudService],
})
export class BrevhuvudModule {}
