import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notFound } from '@app/core';
import { Enhet, Organisation } from '@app/database';
import { DataSource } from 'typeorm';
import { Actor } from '../actor';

/** Organisations and their enheter, always as seen by one caller: its own organisation only. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async own(actor: Actor): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id: actor.organisationId });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  enheter(actor: Actor): Promise<Enhet[]> {
    return this.dataSource
      .getRepository(Enhet)
      .find({ where: { organisationId: actor.organisationId }, order: { namn: 'ASC' } });
  }

  async enhet(actor: Actor, id: string): Promise<Enhet> {
    const enhet = await this.dataSource.getRepository(Enhet).findOneBy({ id, organisationId: actor.organisationId });
    if (!enhet) throw notFound('Enhet');
    return enhet;
  }
}
