import { Injectable } from '@nestjs/common';
import { Brevhuvud } from '@app/database';
import { EntityManager } from 'typeorm';

export type BrevhuvudFalt = Omit<Brevhuvud, 'organisationId' | 'emblem' | 'emblemTyp' | 'version' | 'updatedAt'>;

/** The organisations' own letterheads: one row per organisation, read by its id only. */
@Injectable()
export class BrevhuvudRepository {
  get(manager: EntityManager, organisationId: string): Promise<Brevhuvud | null> {
    return manager.findOneBy(Brevhuvud, { organisationId });
  }

  /** Locks the row (if any) until the caller's transaction ends, so two saves do not interleave. */
  lock(manager: EntityManager, organisationId: string): Promise<Brevhuvud | null> {
    return manager
      .createQueryBuilder(Brevhuvud, 'b')
      .setLock('pessimistic_write')
      .where('b.organisation_id = :organisationId', { organisationId })
      .getOne();
  }

  /** Writes the whole row; the first save of an organisation inserts it. */
  async save(manager: EntityManager, rad: Omit<Brevhuvud, 'version' | 'updatedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO brevhuvud (organisation_id, namn, besoksadress, postadress, telefon, epost, webb, organisationsnummer,
                              primarfarg, accentfarg, vart_dnr_etikett, ert_dnr_etikett, emblem, emblem_typ)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (organisation_id) DO UPDATE SET
         namn = EXCLUDED.namn, besoksadress = EXCLUDED.besoksadress, postadress = EXCLUDED.postadress,
         telefon = EXCLUDED.telefon, epost = EXCLUDED.epost, webb = EXCLUDED.webb,
         organisationsnummer = EXCLUDED.organisationsnummer, primarfarg = EXCLUDED.primarfarg,
         accentfarg = EXCLUDED.accentfarg, vart_dnr_etikett = EXCLUDED.vart_dnr_etikett,
         ert_dnr_etikett = EXCLUDED.ert_dnr_etikett, emblem = EXCLUDED.emblem, emblem_typ = EXCLUDED.emblem_typ,
         version = brevhuvud.version + 1, updated_at = now()`,
      [
        rad.organisationId,
        rad.namn,
        rad.besoksadress,
        rad.postadress,
        rad.telefon,
        rad.epost,
        rad.webb,
        rad.organisationsnummer,
        rad.primarfarg,
        rad.accentfarg,
        rad.vartDnrEtikett,
        rad.ertDnrEtikett,
        rad.emblem,
        rad.emblemTyp,
      ],
    );
  }
}
