import { Injectable } from '@nestjs/common';
import { Organisationskoppling } from '@app/database';
import { EntityManager } from 'typeorm';

export interface KopplingOrganisation {
  organisationId: string;
  namn: string;
  typ: string;
}

export interface KatalogEnhet {
  id: string;
  namn: string;
  kortnamn: string;
}

/** Which organisations may send remisser to which (`organisationskoppling`), seen from one organisation. */
@Injectable()
export class KopplingRepository {
  /** The organisations that may send remisser to `organisationId`. */
  avsandare(m: EntityManager, organisationId: string): Promise<KopplingOrganisation[]> {
    return m.query(
      `SELECT o.id AS "organisationId", o.namn, o.typ::text AS typ
         FROM organisationskoppling k JOIN organisation o ON o.id = k.avsandare_organisation_id
        WHERE k.mottagare_organisation_id = $1 ORDER BY o.namn`,
      [organisationId],
    );
  }

  /**
   * The directory: organisations `organisationId` may send remisser to, each with the enheter that
   * answer in their own name (not förvaltningar, which prepare a nämnd's answer).
   */
  mottagare(m: EntityManager, organisationId: string): Promise<(KopplingOrganisation & { enheter: KatalogEnhet[] })[]> {
    return m.query(
      `SELECT o.id AS "organisationId", o.namn, o.typ::text AS typ,
              coalesce((SELECT json_agg(json_build_object('id', e.id, 'namn', e.namn, 'kortnamn', e.kortnamn) ORDER BY e.namn)
                          FROM enhet e WHERE e.organisation_id = o.id AND e.typ <> 'forvaltning'), '[]') AS enheter
         FROM organisationskoppling k JOIN organisation o ON o.id = k.mottagare_organisation_id
        WHERE k.avsandare_organisation_id = $1 AND o.ansluten ORDER BY o.namn`,
      [organisationId],
    );
  }

  /** Connected organisations that may not send to `organisationId` yet. */
  valbara(m: EntityManager, organisationId: string): Promise<KopplingOrganisation[]> {
    return m.query(
      `SELECT o.id AS "organisationId", o.namn, o.typ::text AS typ FROM organisation o
        WHERE o.ansluten AND o.id <> $1
          AND NOT EXISTS (SELECT 1 FROM organisationskoppling k
                           WHERE k.avsandare_organisation_id = o.id AND k.mottagare_organisation_id = $1)
        ORDER BY o.namn`,
      [organisationId],
    );
  }

  async isAnsluten(m: EntityManager, organisationId: string): Promise<string | null> {
    const [rad] = await m.query(`SELECT namn FROM organisation WHERE id = $1 AND ansluten`, [organisationId]);
    return (rad as { namn: string } | undefined)?.namn ?? null;
  }

  /** True when the row was added (false: it was there already). */
  async insert(m: EntityManager, avsandare: string, mottagare: string): Promise<boolean> {
    const rader: unknown[] = await m.query(
      `INSERT INTO organisationskoppling (avsandare_organisation_id, mottagare_organisation_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [avsandare, mottagare],
    );
    return rader.length > 0;
  }

  async delete(m: EntityManager, avsandare: string, mottagare: string): Promise<boolean> {
    const { affected } = await m.delete(Organisationskoppling, {
      avsandareOrganisationId: avsandare,
      mottagareOrganisationId: mottagare,
    });
    return (affected ?? 0) > 0;
  }
}
