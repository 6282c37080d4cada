import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilRepository } from '@app/archive';
import { Actor } from '@app/auth';
import { Filsvar, notFound, pdfFil } from '@app/core';
import { RemissRepository } from './remiss.repository';
import {
  RemissDetaljResponse,
  toRemisshandlingResponse,
  toRemissinstansResponse,
  toRemissResponse,
} from './remiss.response';
import { DataSource } from 'typeorm';

/** Reading one remiss, as its sender or, once sent, as one of its recipients. */
@Injectable()
export class RemissService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly filer: FilRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<RemissDetaljResponse> {
    const remiss = await this.remisser.get(actor, id);
    const [handlingar, instanser] = await Promise.all([
      this.remisser.handlingar(this.dataSource.manager, remiss.id),
      this.remisser.instanser(this.dataSource.manager, actor, remiss),
    ]);
    return {
      ...toRemissResponse(remiss, remiss.organisationId === actor.organisationId),
      handlingar: handlingar.map(toRemisshandlingResponse),
      instanser: instanser.map(toRemissinstansResponse),
    };
  }

  /** The missiv the platform printed at send. */
  async missiv(actor: Actor, id: string): Promise<Filsvar> {
    const remiss = await this.remisser.get(actor, id);
    if (!remiss.missivFilId) throw notFound('Missiv');
    const { fil, data } = await this.filer.data(this.dataSource.manager, remiss.missivFilId);
    return pdfFil(fil.filnamn, data, 'inline');
  }
}
