import { Module } from '@nestjs/common';
import { RemissController } from './remiss.controller';
import { RemissRepository } from './remiss.repository';

/** The sender's side: remisser, their handlingar and instanser (KLK's remissansvarig). */
@Module({ controllers: [RemissController], providers: [RemissRepository], exports: [RemissRepository] })
export class RemissModule {}
