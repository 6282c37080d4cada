import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Datum } from '@app/core';
import { preparedQuery } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import type { PaminnelseForInstans } from './paminnelse-planering';

export interface NyPaminnelse {
  /** Made by the planner, so inserting needs no RETURNING. */
  id: string;
  organisationId: string;
  remissinstansId: string;
  typ: string;
  svarsdatum: Datum;
  dueAt: Date;
}

export interface MisslyckadPaminnelse {
  id: string;
  remissinstansId: string;
  instans: string;
  diarienummer: string;
  typ: string;
  svarsdatum: Datum;
  dueAt: Date;
  forsok: number;
  orsak: string | null;
  andrad: Date;
}

/** The `paminnelse` rows: planned, cancelled and listed here; sent by the outbox (libs/mail). */
@Injectable()
export class PaminnelseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the reminders of new instanser (a remiss being sent), in one statement, if the
   * organisation's rules are still at `reglerVersion`: the planner remembers each organisation's
   * rules, and this is how it learns that an admin changed them. Returns whether it inserted.
   * Should a reminder exist after all, the unique key refuses the insert rather than doubling it.
   */
  async insert(
    manager: EntityManager,
    rader: NyPaminnelse[],
    organisationId: string,
    reglerVersion: number,
  ): Promise<boolean> {
    const [{ oforandrade }] = await preparedQuery<{ oforandrade: boolean }>(
      manager,
      `WITH kontroll AS (SELECT paminnelseregler_version = $8::int AS oforandrade FROM organisation WHERE id = $7::uuid),
            nya AS (
              INSERT INTO paminnelse (id, organisation_id, remissinstans_id, typ, svarsdatum, due_at)
              SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[])
               WHERE (SELECT oforandrade FROM kontroll))
       SELECT oforandrade FROM kontroll`,
      [...kolumner(rader), organisationId, reglerVersion],
    );
    return oforandrade;
  }

  /**
   * Plans rows that may exist already, in one statement. A row that exists is left alone, unless it
   * was cancelled (an anstånd moved away from this svarsdatum and back): then it is planned again.
   * Returns the rows now `planerad` because of this call, with their due times.
   */
  async upsert(manager: EntityManager, rader: NyPaminnelse[]): Promise<{ id: string; due_at: Date }[]> {
    if (!rader.length) return [];
    return manager.query(
      `INSERT INTO paminnelse (id, organisation_id, remissinstans_id, typ, svarsdatum, due_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[])
       ON CONFLICT (remissinstans_id, typ, svarsdatum) DO UPDATE
         SET status = 'planerad', due_at = EXCLUDED.due_at, forsok = 0, senaste_fel = NULL, lease_until = NULL, nasta_forsok_at = NULL, updated_at = now()
         WHERE paminnelse.status = 'avbruten'
       RETURNING id, due_at`,
      kolumner(rader),
    );
  }

  async cancelForInstans(manager: EntityManager, remissinstansId: string, orsak: string): Promise<void> {
    await manager.query(
      `UPDATE paminnelse SET status = 'avbruten', senaste_fel = $2, updated_at = now() WHERE remissinstans_id = $1 AND status = 'planerad'`,
      [remissinstansId, orsak],
    );
  }

  async cancelForRemiss(manager: EntityManager, remissId: string, orsak: string): Promise<void> {
    await manager.query(
      `UPDATE paminnelse p SET status = 'avbruten', senaste_fel = $2, updated_at = now()
         FROM remissinstans i WHERE i.id = p.remissinstans_id AND i.remiss_id = $1 AND p.status = 'planerad'`,
      [remissId, orsak],
    );
  }

  listForRemiss(manager: EntityManager, remissId: string): Promise<PaminnelseForInstans[]> {
    return manager.query(
      `SELECT p.id, p.remissinstans_id AS "remissinstansId", p.typ, p.due_at AS "dueAt", p.status, p.skickad_at AS "skickadAt"
         FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id
        WHERE i.remiss_id = $1 AND p.status <> 'avbruten'
        ORDER BY p.due_at, p.id`,
      [remissId],
    );
  }

  /** For admins: the organisation's reminders that could not be sent, newest first, with the reason. */
  listMisslyckade(organisationId: string, antal = 200): Promise<MisslyckadPaminnelse[]> {
    return this.dataSource.query(
      `SELECT p.id, p.remissinstans_id AS "remissinstansId", i.namn AS instans, r.diarienummer, p.typ, p.svarsdatum::text AS svarsdatum,
              p.due_at AS "dueAt", p.forsok, p.senaste_fel AS orsak, p.updated_at AS andrad
         FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id JOIN remiss r ON r.id = i.remiss_id
        WHERE p.organisation_id = $1 AND p.status = 'misslyckad'
        ORDER BY p.updated_at DESC LIMIT $2`,
      [organisationId, antal],
    );
  }

  /** The organisations owning these rows (to show an admin only its own failed jobs). */
  async organisationer(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; organisation_id: string }[] = await this.dataSource.query(
      `SELECT id, organisation_id FROM paminnelse WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.organisation_id]));
  }
}

/** New rows as the column arrays that `unnest` turns back into rows. */
const kolumner = (rader: NyPaminnelse[]) => [
  rader.map((r) => r.id),
  rader.map((r) => r.organisationId),
  rader.map((r) => r.remissinstansId),
  rader.map((r) => r.typ),
  rader.map((r) => r.svarsdatum),
  rader.map((r) => r.dueAt),
];
