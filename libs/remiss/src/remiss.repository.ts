import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { notFound } from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { DataSource } from 'typeorm';

/**
 * Remisser as one caller may see them: those its organisation sent, and — once sent — those sent
 * to it. A draft (utkast) never leaves the sending organisation.
 */
@Injectable()
export class RemissRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, id: string): Promise<Remiss> {
    const remiss = await this.dataSource
      .getRepository(Remiss)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(
        `(r.organisation_id = :org OR (r.status <> 'utkast' AND EXISTS (
           SELECT 1 FROM remissinstans i WHERE i.remiss_id = r.id AND i.mottagare_organisation_id = :org)))`,
        { org: actor.organisationId },
      )
      .getOne();
    if (!remiss) throw notFound('Remiss');
    return remiss;
  }

  /** The instanser of a remiss the caller may see: all of them for the sender, its own for a recipient. */
  instanser(actor: Actor, remiss: Remiss): Promise<Remissinstans[]> {
    const where = remiss.organisationId === actor.organisationId ? { remissId: remiss.id } : { remissId: remiss.id, mottagareOrganisationId: actor.organisationId };
    return this.dataSource.getRepository(Remissinstans).find({ where, order: { namn: 'ASC' } });
  }
}
