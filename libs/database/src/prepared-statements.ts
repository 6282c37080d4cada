import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig, QueryResultRow } from 'pg';
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

/** How PostgreSQL plans a prepared read: as it decides itself, or once per connection for all parameters. */
export type PlanMode = 'auto' | 'generic';

/**
 * A read on the hot path of every page (session lookup, inkorg, status view, remisser list), outside
 * any transaction: a named prepared statement, so each pooled connection parses it once (planning
 * these joins costs PostgreSQL as much as running them). Every call is its own execution and sees
 * everything committed before it was sent (docs/architecture.md says why reads are not shared).
 *
 * `generic` plans the statement once per connection without its parameters' values
 * (`plan_cache_mode = force_generic_plan` while it runs), where the caller knows that one plan suits
 * every value: PostgreSQL would otherwise plan each execution afresh whenever a parameter's value
 * could matter, LIMIT and OFFSET included.
 */
export async function preparedRead<T>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
  plan: PlanMode = 'auto',
): Promise<readonly T[]> {
  if (plan === 'auto') return preparedQuery<T>(dataSource, text, values);
  const client = await poolOf(dataSource).connect();
  let failed: Error | undefined;
  try {
    followPlanMode(client);
    const query: QueryConfig & { [GENERIC_PLAN]: true } = {
      name: statementName(text),
      text,
      values,
      [GENERIC_PLAN]: true,
    };
    return (await client.query<T & QueryResultRow>(query)).rows;
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // As pool.query does: a client whose query failed is not trusted with the next one.
    client.release(failed);
  }
}

/** Marks a query (config object) that is to run under a generic plan. */
const GENERIC_PLAN = Symbol('generic plan');
/** The plan_cache_mode a pooled client is in, for the clients preparedRead has used: true for generic. */
const planModes = new WeakMap<PoolClient, boolean>();

/**
 * Puts a client in the plan mode each of its queries asks for, changing it only when a query asks
 * for the other one: `SET plan_cache_mode` goes out just ahead of that query (a client sends its
 * queries in order), so reads that follow reads cost nothing more, and a connection handed to
 * TypeORM or a transaction after a generic read is back on PostgreSQL's own choice before its first
 * statement. (A transaction never meets the generic mode: preparedRead takes a client of its own,
 * and BEGIN, the first statement, already resets it.)
 */
function followPlanMode(client: PoolClient): void {
  if (planModes.has(client)) return;
  planModes.set(client, false);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const config = args[0];
    const generic = typeof config === 'object' && config !== null && GENERIC_PLAN in config;
    if (generic !== planModes.get(client)) {
      planModes.set(client, generic);
      // Not awaited: the query after it waits for it anyway. If it failed (the connection broke, or
      // a transaction aborted), the mode is still the other one, and the next query says so again.
      void (
        query(generic ? 'SET plan_cache_mode = force_generic_plan' : 'RESET plan_cache_mode') as Promise<unknown>
      ).catch(() => planModes.set(client, !generic));
    }
    return query(...args);
  };
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
