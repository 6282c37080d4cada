import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

/** The outcome of trying to claim one row. */
export type Ansprak =
  | { utfall: 'tagen'; forsok: number }
  /** Planned for later (or leased by another worker until `at`): look again then. */
  | { utfall: 'senare'; at: Date }
  /** Failed for good (perhaps in another job's sweep): the job fails with the reason, so the queue lists it. */
  | { utfall: 'misslyckad'; orsak: string }
  /** Sent, cancelled, or gone: nothing to do. */
  | { utfall: 'klar' };

/** A row and the time it is next due. */
export interface UtkorgJobbTid {
  id: string;
  at: Date;
}

/** Where the reconciler's next page starts. The time is PostgreSQL's text: a Date would drop its microseconds. */
export interface Bokmarke {
  at: string;
  id: string;
}

/** A row claimed by this worker, at its `forsok`-th attempt. */
export interface Tagen {
  id: string;
  forsok: number;
}

/** When a row is next to be tried: its retry time after a failure, else the time it is due. */
const NASTA = 'COALESCE(nasta_forsok_at, due_at)';

/**
 * The state changes of outbox rows, the same for every outbox table. PostgreSQL is the truth:
 * a row is sent only by the worker that moved it `planerad → skickar`, and only while its lease holds.
 */
@Injectable()
export class UtkorgRader {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /**
   * Claims in one statement the due rows among `ids` (`planerad`, or `skickar` with an expired lease)
   * and up to `svep` further `planerad` rows that are due, oldest first: a worker woken by one job
   * sends everything that is due rather than one row per job. SKIP LOCKED: rows another worker is
   * claiming at the same moment are left to it.
   */
  async claim(
    tabell: string,
    ids: string[],
    nu: Date,
    leaseMs: number,
    svep: number,
  ): Promise<{ ansprak: Ansprak[]; svepta: Tagen[] }> {
    const t = tabell_(tabell);
    const rows = await preparedQuery<{
      id: string;
      tagen: boolean;
      status: string;
      forsok: number;
      nasta: Date;
      lease_until: Date | null;
      senaste_fel: string | null;
    }>(
      this.dataSource,
      `WITH egna AS (
         SELECT id FROM ${t} WHERE id = ANY($1::uuid[]) AND ((status = 'planerad' AND ${NASTA} <= $3) OR (status = 'skickar' AND lease_until <= $3))
         FOR UPDATE SKIP LOCKED),
       svepta AS (
         SELECT id FROM ${t} WHERE status = 'planerad' AND ${NASTA} <= $3 AND id <> ALL($1::uuid[]) ORDER BY ${NASTA} LIMIT $4
         FOR UPDATE SKIP LOCKED),
       tagna AS (
         UPDATE ${t} SET status = 'skickar', lease_until = $2, forsok = forsok + 1, updated_at = now()
          WHERE id IN (SELECT id FROM egna UNION ALL SELECT id FROM svepta)
         RETURNING id, forsok)
       SELECT id, true AS tagen, 'skickar' AS status, forsok, NULL::timestamptz AS nasta, NULL::timestamptz AS lease_until, NULL AS senaste_fel FROM tagna
       UNION ALL
       SELECT id, false, status::text, forsok, ${NASTA}, lease_until, senaste_fel FROM ${t}
        WHERE id = ANY($1::uuid[]) AND id NOT IN (SELECT id FROM tagna)`,
      [ids, new Date(nu.getTime() + leaseMs), nu, svep],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const egna = new Set(ids);
    const ansprak = ids.map((id): Ansprak => {
      const row = byId.get(id);
      if (!row) return { utfall: 'klar' };
      if (row.tagen) return { utfall: 'tagen', forsok: row.forsok };
      if (row.status === 'planerad')
        return { utfall: 'senare', at: row.nasta > nu ? row.nasta : new Date(nu.getTime() + leaseMs) };
      if (row.status === 'skickar') return { utfall: 'senare', at: row.lease_until ?? nu };
      if (row.status === 'misslyckad') return { utfall: 'misslyckad', orsak: row.senaste_fel ?? 'misslyckad' };
      return { utfall: 'klar' };
    });
    return {
      ansprak,
      svepta: rows.filter((r) => r.tagen && !egna.has(r.id)).map((r) => ({ id: r.id, forsok: r.forsok })),
    };
  }

  /** Marks claimed rows done (`skickad`), in the caller's transaction; returns the ids that were still ours. */
  async markSent(
    manager: EntityManager,
    tabell: string,
    sanda: { id: string; kvitto?: string }[],
    nu: Date,
  ): Promise<string[]> {
    const rows = await preparedQuery<{ id: string }>(
      manager,
      `UPDATE ${tabell_(tabell)} AS t SET status = 'skickad', skickad_at = $3, message_id = COALESCE(v.mid, t.message_id), lease_until = NULL, nasta_forsok_at = NULL, senaste_fel = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, mid)
        WHERE t.id = v.id AND t.status = 'skickar'
        RETURNING t.id`,
      [sanda.map((s) => s.id), sanda.map((s) => s.kvitto ?? null), nu],
    );
    return rows.map((r) => r.id);
  }

  /** Transient failures, in the caller's transaction: back to `planerad`, each to be tried again at its own time. */
  async retry(manager: EntityManager, tabell: string, rader: { id: string; at: Date; fel: string }[]): Promise<void> {
    if (!rader.length) return;
    await manager.query(
      `UPDATE ${tabell_(tabell)} AS t SET status = 'planerad', nasta_forsok_at = v.at, senaste_fel = v.fel, lease_until = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS v(id, at, fel)
        WHERE t.id = v.id AND t.status = 'skickar'`,
      [rader.map((r) => r.id), rader.map((r) => r.at), rader.map((r) => r.fel)],
    );
  }

  /** Ends claimed rows without sending, in the caller's transaction: `misslyckad` (shown to admins) or `avbruten`. */
  async finish(
    manager: EntityManager,
    tabell: string,
    rader: { id: string; status: 'misslyckad' | 'avbruten'; orsak: string }[],
  ): Promise<void> {
    if (!rader.length) return;
    await manager.query(
      `UPDATE ${tabell_(tabell)} AS t SET status = v.status::paminnelse_status, senaste_fel = v.orsak, lease_until = NULL, nasta_forsok_at = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, status, orsak)
        WHERE t.id = v.id AND t.status = 'skickar'`,
      [rader.map((r) => r.id), rader.map((r) => r.status), rader.map((r) => r.orsak)],
    );
  }

  /** Reconciler: rows whose worker died mid-send go back to `planerad`; returns how many. */
  async resetExpiredLeases(tabell: string, nu: Date): Promise<number> {
    const [, antal]: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${tabell_(tabell)} SET status = 'planerad', lease_until = NULL, updated_at = now() WHERE status = 'skickar' AND lease_until <= $1`,
      [nu],
    );
    return antal;
  }

  /**
   * Reconciler: a page of `planerad` rows with the time each is next due, in the order of the index
   * of planned rows (that time, then id), after the bookmark of the page before.
   */
  async listPlanerade(
    tabell: string,
    efter: Bokmarke | undefined,
    antal: number,
  ): Promise<{ rader: UtkorgJobbTid[]; bokmarke?: Bokmarke }> {
    const rows: (UtkorgJobbTid & { at_text: string })[] = await this.dataSource.query(
      `SELECT id, ${NASTA} AS at, ${NASTA}::text AS at_text FROM ${tabell_(tabell)}
        WHERE status = 'planerad' ${efter ? `AND (${NASTA}, id) > ($2::timestamptz, $3::uuid)` : ''} ORDER BY ${NASTA}, id LIMIT $1`,
      efter ? [antal, efter.at, efter.id] : [antal],
    );
    const sista = rows[rows.length - 1];
    return { rader: rows.map(({ id, at }) => ({ id, at })), bokmarke: sista && { at: sista.at_text, id: sista.id } };
  }

  /** The due times of those of `ids` that are still `planerad` (to queue them after commit). */
  async tider(tabell: string, ids: string[]): Promise<UtkorgJobbTid[]> {
    return this.dataSource.query(
      `SELECT id, ${NASTA} AS at FROM ${tabell_(tabell)} WHERE id = ANY($1::uuid[]) AND status = 'planerad'`,
      [ids],
    );
  }
}

/** Table names cannot be bound parameters; UtkorgTyper admits only plain identifiers, checked again here. */
function tabell_(tabell: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(tabell)) throw new Error(`not an outbox table: ${tabell}`);
  return tabell;
}
