import { Module } from '@nestjs/common';
import { RemissvarController } from './remissvar.controller';
import { RemissvarRepository } from './remissvar.repository';

/** The nämnd's side: inkorg, remissvar, beslut, expediering. */
@Module({ controllers: [RemissvarController], providers: [RemissvarRepository], exports: [RemissvarRepository] })
export class SvarModule {}
