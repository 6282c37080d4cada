import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { databaseBusy } from '@app/core';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/** node-postgres' pool behind a TypeORM DataSource. */
export const poolOf = (dataSource: DataSource) => (dataSource.driver as unknown as { master: Pool }).master;

/** The transaction the current async call chain runs in, while its callback runs. */
interface OpenTransaction {
  pool: Pool;
  open: boolean;
  /** Where it began, for the message. */
  begun: Error;
}

const transactions = new AsyncLocalStorage<OpenTransaction>();

type ConnectCallback = (err: Error | undefined, client?: PoolClient, release?: (err?: Error) => void) => void;

/** pg-pool's messages when `connectionTimeoutMillis` passes: waiting in the queue, or connecting a new client. */
const ACQUIRE_TIMEOUT = /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/;

export interface PoolGuard {
  /** Fail every pool acquire made while a transaction's callback runs (tests: a second connection is a deadlock in waiting). */
  checkTransactions: boolean;
}

/**
 * Wraps the pool's `connect` (which `pool.query`, TypeORM's query runners and preparedRead all go
 * through): an acquire that timed out becomes 503 DATABASE_BUSY; with `checkTransactions`, an
 * acquire from inside a transaction's callback throws at once. That is the deadlock class of
 * issue #11: a transaction holds its connection (and row locks) while it waits for another one,
 * so ten of them at once hold the whole pool and wait for each other forever.
 */
export function guardPool(dataSource: DataSource, guard: PoolGuard): void {
  const pool = poolOf(dataSource);
  const connect = pool.connect.bind(pool) as (cb: ConnectCallback) => void;
  const logger = new Logger('ConnectionPool');
  (pool as unknown as { connect: (cb?: ConnectCallback) => unknown }).connect = (cb?: ConnectCallback) => {
    const acquire = (done: ConnectCallback) => {
      const inside = guard.checkTransactions ? transactions.getStore() : undefined;
      if (inside?.open && inside.pool === pool) {
        const error = new Error(
          'A second pool connection was requested while this code holds a transaction of the same pool: ' +
            "use the transaction's EntityManager, or do this work after the transaction ends. " +
            `The transaction began at:\n${inside.begun.stack?.split('\n').slice(1).join('\n')}`,
        );
        logger.error(
          `${error.message}\nThe second connection was requested at:\n${new Error().stack?.split('\n').slice(2).join('\n')}`,
        );
        return process.nextTick(() => done(error));
      }
      connect((err, client, release) =>
        done(
          err && ACQUIRE_TIMEOUT.test(err.message)
            ? databaseBusy('No database connection became free in time; try again shortly')
            : err,
          client,
          release,
        ),
      );
    };
    if (cb) return acquire(cb);
    return new Promise<PoolClient>((resolve, reject) =>
      acquire((err, client) => (err ? reject(err) : resolve(client!))),
    );
  };
  if (guard.checkTransactions) markTransactions(dataSource, pool);
}

/** Runs the callback of every `dataSource.transaction(…)` with its pool marked in AsyncLocalStorage. */
function markTransactions(dataSource: DataSource, pool: Pool): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    const i = args.findIndex((a) => typeof a === 'function');
    const work = args[i] as (m: EntityManager) => Promise<unknown>;
    const begun = new Error('transaction');
    args[i] = async (m: EntityManager) => {
      const marked: OpenTransaction = { pool, open: true, begun };
      try {
        return await transactions.run(marked, () => work(m));
      } finally {
        marked.open = false;
      }
    };
    return transaction(...args);
  }) as EntityManager['transaction'];
}
