import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { poolOf } from './connection-pool';

const names = new Map<string, string>();

/** One statement name per distinct SQL text: a prepared statement's text can never change under its name. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A read on the hot path of every page (session lookup, inkorg, status view, remisser list), outside
 * any transaction: a named prepared statement, so each pooled connection plans it once and then only
 * executes it (planning these joins costs PostgreSQL more than running them). Every call is its own
 * execution and sees everything committed before it was sent (docs/architecture.md says why reads
 * are not shared).
 */
export function preparedRead<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<readonly T[]> {
  return preparedQuery<T>(dataSource, text, values);
}

/**
 * A statement of a hot write path (planning reminders, the outbox's sweeps) as a named prepared
 * statement, so each pooled connection parses and plans it once: on the connection of the caller's
 * transaction when given its EntityManager, on any pooled connection (autocommit) when given the
 * DataSource. For the short statements of planning, parsing and planning were a fifth of
 * PostgreSQL's time; the outbox's claim is planned afresh by every job that fires.
 */
export async function preparedQuery<T>(db: EntityManager | DataSource, text: string, values: unknown[]): Promise<T[]> {
  const query = { name: statementName(text), text, values };
  if (db instanceof DataSource) return (await poolOf(db).query(query)).rows;
  const runner = db.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive)
    throw new Error('preparedQuery runs in a transaction: pass its EntityManager, or the DataSource');
  const client: PoolClient = await runner.connect();
  return (await client.query(query)).rows;
}
