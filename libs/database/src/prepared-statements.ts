import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { poolOf } from './connection-pool';

/** Per DataSource: reads running now, and how many transactions have committed through it. */
interface Reads {
  commits: number;
  running: Map<string, Promise<readonly unknown[]>>;
}

const readsOf = new WeakMap<DataSource, Reads>();
const names = new Map<string, string>();

function reads(dataSource: DataSource): Reads {
  let r = readsOf.get(dataSource);
  if (!r) readsOf.set(dataSource, (r = { commits: 0, running: new Map() }));
  return r;
}

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
 * A read on the hot path of every page (session lookup, inkorg, status view, remisser list):
 *
 * - a named prepared statement, so each pooled connection plans it once and then only executes
 *   it (planning these joins costs PostgreSQL more than running them);
 * - identical reads share one execution while it runs: a page load fires several requests with
 *   the same session, and a nämnd's people open the same inkorg. A read joins a running one only
 *   if no transaction has committed through this DataSource since that one started, so a caller
 *   always sees its own committed writes (and everyone else's from before the read was sent).
 *
 * The rows are frozen, since several callers may hold them. Reads only, outside transactions:
 * writes go through the EntityManager of their transaction.
 */
export function preparedRead<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<readonly T[]> {
  const r = reads(dataSource);
  const name = statementName(text);
  const key = `${r.commits} ${name} ${JSON.stringify(values)}`;
  let read = r.running.get(key);
  if (!read) {
    read = poolOf(dataSource)
      .query({ name, text, values })
      .then((result) => result.rows.map((row: object) => Object.freeze(row)));
    r.running.set(key, read);
    const done = () => r.running.get(key) === read && r.running.delete(key);
    read.then(done, done);
  }
  return read as Promise<readonly T[]>;
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

/** Counts commits for preparedRead (registered on every DataSource by dataSourceOptions). */
@EventSubscriber()
export class CommitCounter implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    reads(event.connection).commits++;
  }
}
