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

  /** The organisation's name and the enheter where the caller holds a role, in one query. */
  async arbetsplats(
    actor: Actor,
  ): Promise<{ organisationNamn: string; enheter: Pick<Enhet, 'id' | 'namn' | 'kortnamn'>[] }> {
    const rows: { organisation_namn: string; enheter: Pick<Enhet, 'id' | 'namn' | 'kortnamn'>[] }[] =
      await this.dataSource.query(
        `SELECT o.namn AS organisation_namn,
                coalesce(json_agg(json_build_object('id', e.id, 'namn', e.namn, 'kortnamn', e.kortnamn)
                         ORDER BY e.namn) FILTER (WHERE e.id IS NOT NULL), '[]') AS enheter
           FROM organisation o
           LEFT JOIN enhet e ON e.organisation_id = o.id AND e.id = ANY($2::uuid[])
          WHERE o.id = $1
          GROUP BY o.namn`,
        [actor.organisationId, actor.enheter()],
      );
    if (!rows[0]) throw notFound('Organisation');
    return { organisationNamn: rows[0].organisation_namn, enheter: rows[0].enheter };
  }

  async enhet(actor: Actor, id: string): Promise<Enhet> {
    const enhet = await this.dataSource.getRepository(Enhet).findOneBy({ id, organisationId: actor.organisationId });
    if (!enhet) throw notFound('Enhet');
    return enhet;
  }
}
