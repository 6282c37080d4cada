import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Roll } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { AnvandareResponse, AnvandarStatus } from './konton.response';

interface AnvandareRad {
  id: string;
  namn: string;
  epost: string;
  aktiv: boolean;
  har_losenord: boolean;
  created_at: Date;
  roller: { enhetId: string; enhetNamn: string; roll: Roll }[];
}

const status = (r: AnvandareRad): AnvandarStatus => (!r.aktiv ? 'inaktiverad' : r.har_losenord ? 'aktiv' : 'inbjuden');
const toResponse = (r: AnvandareRad): AnvandareResponse => ({
  id: r.id,
  namn: r.namn,
  epost: r.epost,
  status: status(r),
  roller: r.roller,
  createdAt: r.created_at,
});

const ANVANDARE_SQL = `
  SELECT a.id, a.namn, a.epost, a.aktiv, a.losenord_hash IS NOT NULL AS har_losenord, a.created_at,
         coalesce(json_agg(json_build_object('enhetId', e.id, 'enhetNamn', e.namn, 'roll', r.roll)
                  ORDER BY e.namn, r.roll) FILTER (WHERE r.roll IS NOT NULL), '[]') AS roller
    FROM anvandare a
    LEFT JOIN anvandarroll r ON r.anvandare_id = a.id
    LEFT JOIN enhet e ON e.id = r.enhet_id
   WHERE a.organisation_id = $1`;

/** An enhet to choose a role's place from. */
export interface EnhetVal {
  id: string;
  namn: string;
}

/** The users of one organisation, for its admins: every query takes the organisation. */
@Injectable()
export class AnvandareAdminRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string): Promise<AnvandareResponse[]> {
    const rows: AnvandareRad[] = await this.dataSource.query(
      `${ANVANDARE_SQL} GROUP BY a.id ORDER BY a.aktiv DESC, a.namn, a.epost`,
      [organisationId],
    );
    return rows.map(toResponse);
  }

  async get(manager: EntityManager, organisationId: string, id: string): Promise<AnvandareResponse | null> {
    const rows: AnvandareRad[] = await manager.query(`${ANVANDARE_SQL} AND a.id = $2 GROUP BY a.id`, [
      organisationId,
      id,
    ]);
    return rows[0] ? toResponse(rows[0]) : null;
  }

  /**
   * Locks the organisation's set of admins for the rest of the transaction: every change that could remove
   * an admin takes this lock first, so two of them never both count the other as the one who remains.
   * `FOR NO KEY UPDATE` of the organisation row: inserts that refer to it do not wait.
   */
  async lockAdmins(manager: EntityManager, organisationId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM organisation WHERE id = $1 FOR NO KEY UPDATE`, [organisationId]);
  }

  /**
   * Active admins who can sign in (a password set) that remain without the given user, or without one of
   * their admin roles (`enhetId`). Read after lockAdmins, so it sees every committed change before it.
   */
  async otherAdmins(
    manager: EntityManager,
    organisationId: string,
    anvandareId: string,
    enhetId?: string,
  ): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(
      `SELECT count(DISTINCT a.id)::int AS n
         FROM anvandarroll r JOIN anvandare a ON a.id = r.anvandare_id
        WHERE a.organisation_id = $1 AND a.aktiv AND a.losenord_hash IS NOT NULL AND r.roll = 'admin'
          AND ${enhetId ? 'NOT (r.anvandare_id = $2 AND r.enhet_id = $3)' : 'r.anvandare_id <> $2'}`,
      enhetId ? [organisationId, anvandareId, enhetId] : [organisationId, anvandareId],
    );
    return n;
  }

  async isAdmin(manager: EntityManager, anvandareId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM anvandarroll WHERE anvandare_id = $1 AND roll = 'admin' LIMIT 1`,
      [anvandareId],
    );
    return rows.length > 0;
  }

  async deactivate(manager: EntityManager, anvandareId: string): Promise<void> {
    await manager.query(`UPDATE anvandare SET aktiv = false WHERE id = $1`, [anvandareId]);
  }

  /** True when the role was new. */
  async addRole(manager: EntityManager, anvandareId: string, enhetId: string, roll: Roll): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [anvandareId, enhetId, roll],
    );
    return rows.length > 0;
  }

  /** True when there was such a role. */
  async removeRole(manager: EntityManager, anvandareId: string, enhetId: string, roll: Roll): Promise<boolean> {
    const [rows]: [unknown[]] = await manager.query(
      `DELETE FROM anvandarroll WHERE anvandare_id = $1 AND enhet_id = $2 AND roll = $3 RETURNING 1`,
      [anvandareId, enhetId, roll],
    );
    return rows.length > 0;
  }

  enheter(organisationId: string): Promise<EnhetVal[]> {
    return this.dataSource.query(`SELECT id, namn FROM enhet WHERE organisation_id = $1 ORDER BY namn`, [
      organisationId,
    ]);
  }

  async enhetName(manager: EntityManager, organisationId: string, enhetId: string): Promise<string | null> {
    const rows: { namn: string }[] = await manager.query(
      `SELECT namn FROM enhet WHERE id = $1 AND organisation_id = $2`,
      [enhetId, organisationId],
    );
    return rows[0]?.namn ?? null;
  }

  async epostTaken(manager: EntityManager, epost: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM anvandare WHERE lower(epost) = lower($1)`, [epost]);
    return rows.length > 0;
  }

  async organisationName(manager: EntityManager, organisationId: string): Promise<string> {
    const [row]: { namn: string }[] = await manager.query(`SELECT namn FROM organisation WHERE id = $1`, [
      organisationId,
    ]);
    return row.namn;
  }
}
