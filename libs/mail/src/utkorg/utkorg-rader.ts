import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UtkorgTabell } from './utkorg-typ';

/** The outcome of trying to claim one row. */
export type Ansprak =
  | { utfall: 'tagen'; forsok: number }
  /** Planned for later (or leased by another worker until `at`): look again then. */
  | { utfall: 'senare'; at: Date }
  /** Sent, cancelled, failed for good, or gone: nothing to do. */
  | { utfall: 'klar' };

const TABELLER: readonly UtkorgTabell[] = ['paminnelse', 'epost_utkorg'];

/** When a row is next to be tried: its retry time after a failure, else the time it is due. */
const NASTA = 'COALESCE(nasta_forsok_at, due_at)';

/**
 * The state changes of outbox rows, the same for every outbox table. PostgreSQL is the truth:
 * a row is sent only by the worker that moved it `planerad → skickar`, and only while its lease holds.
 */
@Injectable()
export class UtkorgRader {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** Claims the due rows among `ids` (`planerad`, or `skickar` with an expired lease) in one statement. */
  async ta(tabell: UtkorgTabell, ids: string[], nu: Date, leaseMs: number): Promise<Ansprak[]> {
    const t = tabell_(tabell);
    const rows: { id: string; tagen: boolean; status: string; forsok: number; nasta: Date; lease_until: Date | null }[] = await this.dataSource.query(
      `WITH tagna AS (
         UPDATE ${t} SET status = 'skickar', lease_until = $2, forsok = forsok + 1, updated_at = now()
          WHERE id = ANY($1::uuid[])
            AND ((status = 'planerad' AND ${NASTA} <= $3) OR (status = 'skickar' AND lease_until <= $3))
         RETURNING id, forsok)
       SELECT id, true AS tagen, 'skickar' AS status, forsok, NULL::timestamptz AS nasta, NULL::timestamptz AS lease_until FROM tagna
       UNION ALL
       SELECT id, false, status::text, forsok, ${NASTA}, lease_until FROM ${t}
        WHERE id = ANY($1::uuid[]) AND id NOT IN (SELECT id FROM tagna)`,
      [ids, new Date(nu.getTime() + leaseMs), nu],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id): Ansprak => {
      const row = byId.get(id);
      if (!row) return { utfall: 'klar' };
      if (row.tagen) return { utfall: 'tagen', forsok: row.forsok };
      if (row.status === 'planerad') return { utfall: 'senare', at: row.nasta > nu ? row.nasta : new Date(nu.getTime() + leaseMs) };
      if (row.status === 'skickar') return { utfall: 'senare', at: row.lease_until ?? nu };
      return { utfall: 'klar' };
    });
  }

  /** Marks claimed rows sent, in the caller's transaction; returns the ids that were still ours. */
  async skickade(manager: EntityManager, tabell: UtkorgTabell, sanda: { id: string; messageId: string }[], nu: Date): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE ${tabell_(tabell)} AS t SET status = 'skickad', skickad_at = $3, message_id = v.mid, lease_until = NULL, nasta_forsok_at = NULL, senaste_fel = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, mid)
        WHERE t.id = v.id AND t.status = 'skickar'
        RETURNING t.id`,
      [sanda.map((s) => s.id), sanda.map((s) => s.messageId), nu],
    );
    return rows.map((r) => r.id);
  }

  /** A transient failure: back to `planerad`, to be tried again at `at`. */
  async forsokIgen(tabell: UtkorgTabell, id: string, at: Date, fel: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${tabell_(tabell)} SET status = 'planerad', nasta_forsok_at = $2, senaste_fel = $3, lease_until = NULL, updated_at = now() WHERE id = $1 AND status = 'skickar'`,
      [id, at, fel],
    );
  }

  /** Ends a claimed row without sending: `misslyckad` (shown to admins) or `avbruten`. */
  async avsluta(tabell: UtkorgTabell, id: string, status: 'misslyckad' | 'avbruten', orsak: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${tabell_(tabell)} SET status = $2, senaste_fel = $3, lease_until = NULL, nasta_forsok_at = NULL, updated_at = now() WHERE id = $1 AND status = 'skickar'`,
      [id, status, orsak],
    );
  }

  /** Reconciler: rows whose worker died mid-send go back to `planerad`; returns how many. */
  async aterstallUtgangnaLeaser(tabell: UtkorgTabell, nu: Date): Promise<number> {
    const [, antal]: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${tabell_(tabell)} SET status = 'planerad', lease_until = NULL, updated_at = now() WHERE status = 'skickar' AND lease_until <= $1`,
      [nu],
    );
    return antal;
  }

  /** Reconciler: the `planerad` rows after `efterId`, in id order, with the time each is next due. */
  async planerade(tabell: UtkorgTabell, efterId: string, antal: number): Promise<{ id: string; at: Date }[]> {
    return this.dataSource.query(
      `SELECT id, ${NASTA} AS at FROM ${tabell_(tabell)} WHERE status = 'planerad' AND id > $1 ORDER BY id LIMIT $2`,
      [efterId, antal],
    );
  }

  /** The due times of those of `ids` that are still `planerad` (to queue them after commit). */
  async tider(tabell: UtkorgTabell, ids: string[]): Promise<{ id: string; at: Date }[]> {
    return this.dataSource.query(`SELECT id, ${NASTA} AS at FROM ${tabell_(tabell)} WHERE id = ANY($1::uuid[]) AND status = 'planerad'`, [ids]);
  }
}

/** Table names cannot be bound parameters; only the known outbox tables are ever interpolated. */
function tabell_(tabell: UtkorgTabell): string {
  if (!TABELLER.includes(tabell)) throw new Error(`not an outbox table: ${tabell}`);
  return tabell;
}
