import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { Enhet } from '@app/database';
import { EntityManager } from 'typeorm';

export type EnhetFalt = Pick<Enhet, 'namn' | 'kortnamn' | 'typ' | 'funktionsbrevlada'>;

/** Writes an organisation's enheter; a kortnamn taken by another enhet of it is refused at its field. */
@Injectable()
export class EnhetAdminRepository {
  async insert(manager: EntityManager, organisationId: string, falt: EnhetFalt): Promise<Enhet> {
    await this.checkKortnamn(manager, organisationId, falt.kortnamn, null);
    const { identifiers } = await manager.insert(Enhet, { ...falt, organisationId });
    return manager.findOneByOrFail(Enhet, { id: identifiers[0].id as string });
  }

  /** Locks the enhet of the organisation for an edit; null when it is not the organisation's. */
  lock(manager: EntityManager, organisationId: string, id: string): Promise<Enhet | null> {
    return manager
      .createQueryBuilder(Enhet, 'e')
      .setLock('pessimistic_write')
      .where('e.id = :id AND e.organisation_id = :organisationId', { id, organisationId })
      .getOne();
  }

  async update(manager: EntityManager, enhet: Enhet, falt: EnhetFalt): Promise<Enhet> {
    await this.checkKortnamn(manager, enhet.organisationId, falt.kortnamn, enhet.id);
    await manager.update(Enhet, { id: enhet.id }, falt);
    return manager.findOneByOrFail(Enhet, { id: enhet.id });
  }

  /**
   * Case-insensitive, as people read them (UN and un are one name). A create at the same moment
   * still meets the table's unique constraint, which the API answers as DUPLICATE.
   */
  private async checkKortnamn(m: EntityManager, organisationId: string, kortnamn: string, utom: string | null) {
    const [rad] = await m.query(
      `SELECT 1 FROM enhet WHERE organisation_id = $1 AND lower(kortnamn) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [organisationId, kortnamn, utom],
    );
    if (rad) throw new DomainError('ENHET_KORTNAMN_UPPTAGET', { kortnamn });
  }
}
