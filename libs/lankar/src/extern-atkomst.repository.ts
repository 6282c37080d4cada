import { Injectable } from '@nestjs/common';
import { hashToken } from '@app/core';
import { ExternAtkomst } from '@app/database';
import { EntityManager, IsNull } from 'typeorm';

/** A link to insert for a reminder: the instans, and the address the reminder goes to as its compose query read it. */
export interface NyPaminnelselank {
  organisationId: string;
  remissinstansId: string;
  tokenHash: Buffer;
  giltigTill: Date;
  epost: string;
}

/** The rows of external remissinstanser' personal links (`extern_atkomst`). Only the SHA-256 of a token is ever stored. */
@Injectable()
export class ExternAtkomstRepository {
  async insert(
    m: EntityManager,
    link: { organisationId: string; remissinstansId: string; tokenHash: Buffer; giltigTill: Date },
  ): Promise<string> {
    const { identifiers } = await m.insert(ExternAtkomst, link);
    return identifiers[0].id as string;
  }

  /**
   * Links for reminders, in one statement, only where the instans' link is not revoked and the
   * address is still the one the reminder goes to; returns the hashes inserted. The statement locks
   * the instans rows (FOR SHARE) and PostgreSQL re-reads a row that a revocation or re-issue is
   * changing once that commits, so no link inserted here outlives a revocation or goes to a replaced
   * address: either the sender's change came first and nothing is inserted, or the link was inserted
   * first and the change revokes it.
   */
  async insertForReminders(m: EntityManager, links: NyPaminnelselank[]): Promise<Buffer[]> {
    const rader: { token_hash: Buffer }[] = await m.query(
      `INSERT INTO extern_atkomst (organisation_id, remissinstans_id, token_hash, giltig_till)
       SELECT l.organisation_id, l.remissinstans_id, l.token_hash, l.giltig_till
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::timestamptz[], $5::text[]) AS l(organisation_id, remissinstans_id, token_hash, giltig_till, epost)
         JOIN remissinstans i ON i.id = l.remissinstans_id
        WHERE i.lank_aterkallad_at IS NULL AND lower(i.extern_epost) = l.epost
          FOR SHARE OF i
       RETURNING token_hash`,
      [
        links.map((l) => l.organisationId),
        links.map((l) => l.remissinstansId),
        links.map((l) => l.tokenHash),
        links.map((l) => l.giltigTill),
        links.map((l) => l.epost.toLowerCase()),
      ],
    );
    return rader.map((r) => r.token_hash);
  }

  findByToken(m: EntityManager, token: string): Promise<ExternAtkomst | null> {
    return m.findOneBy(ExternAtkomst, { tokenHash: hashToken(token) });
  }

  async forInstans(m: EntityManager, remissinstansId: string): Promise<ExternAtkomst[]> {
    return m.find(ExternAtkomst, { where: { remissinstansId }, order: { createdAt: 'ASC' } });
  }

  async markUsed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(ExternAtkomst, { id }, { anvandAt: at });
  }

  /** Revokes the live links of one instans; returns how many. */
  async revokeForInstans(m: EntityManager, remissinstansId: string, at: Date): Promise<number> {
    const result = await m.update(ExternAtkomst, { remissinstansId, aterkalladAt: IsNull() }, { aterkalladAt: at });
    return result.affected ?? 0;
  }

  async revokeForRemiss(m: EntityManager, remissId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE extern_atkomst SET aterkallad_at = $2 WHERE aterkallad_at IS NULL AND remissinstans_id IN (SELECT id FROM remissinstans WHERE remiss_id = $1)`,
      [remissId, at],
    );
  }

  /** Anstånd moves the link's end with the new svarsdatum. */
  async extend(m: EntityManager, remissinstansId: string, giltigTill: Date): Promise<void> {
    await m.update(ExternAtkomst, { remissinstansId, aterkalladAt: IsNull(), anvandAt: IsNull() }, { giltigTill });
  }
}
