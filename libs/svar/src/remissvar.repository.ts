import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { notFound } from '@app/core';
import { Remissvar, Synpunkt } from '@app/database';
import { DataSource } from 'typeorm';

/**
 * Remissvar as one caller may see them. Until expediering a draft is visible only to users with a
 * role at the answering enhet (DESIGN.md §4: a shared draft can count as sent); from expediering
 * on the users of the sending enhet see it too.
 */
@Injectable()
export class RemissvarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, id: string): Promise<Remissvar> {
    const svar = await this.dataSource
      .getRepository(Remissvar)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .andWhere(
        `((s.organisation_id = :org AND s.enhet_id = ANY(:enheter))
          OR (s.status = 'expedierat' AND EXISTS (
              SELECT 1 FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id
              WHERE i.id = s.remissinstans_id AND r.organisation_id = :org AND r.avsandare_enhet_id = ANY(:enheter))))`,
        { org: actor.organisationId, enheter: actor.enheter() },
      )
      .getOne();
    if (!svar) throw notFound('Remissvar');
    return svar;
  }

  synpunkter(svar: Remissvar): Promise<Synpunkt[]> {
    return this.dataSource.getRepository(Synpunkt).find({ where: { remissvarId: svar.id }, order: { ordning: 'ASC' } });
  }
}
