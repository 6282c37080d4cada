import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DomainError } from '@app/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { guardPool } from './connection-pool';
import { dataSourceOptions } from './data-source';
import { preparedRead } from './prepared-statements';
import { createTestDatabase, TestDatabase } from './testing/test-infrastructure';

const LIMITS = { acquireTimeoutMs: 300, statementTimeoutMs: 400, idleInTransactionTimeoutMs: 400 };

describe('the connection pool: no second connection inside a transaction, and every wait bounded (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    // The guard logs each offence loudly; here the offences are the point.
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2, LIMITS)).initialize();
    guardPool(dataSource, { checkTransactions: true });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('fails a transaction whose code asks the pool for another connection, naming the problem', async () => {
    const attempts = [
      (ds: DataSource) => ds.query('SELECT 1'),
      (ds: DataSource) => ds.manager.query('SELECT 1'),
      (ds: DataSource) => preparedRead(ds, 'SELECT 1 AS n', []),
      (ds: DataSource) => ds.transaction((inner) => inner.query('SELECT 1')),
    ];
    for (const second of attempts) {
      const result = dataSource.transaction(async (m) => {
        await m.query('SELECT 1');
        return second(dataSource);
      });
      await expect(result).rejects.toThrow(/second pool connection was requested while this code holds a transaction/);
    }
    // Outside a transaction, and on the transaction's own manager, the same work runs.
    await expect(dataSource.query('SELECT 1 AS n')).resolves.toEqual([{ n: 1 }]);
    await expect(dataSource.transaction((m) => m.query('SELECT 2 AS n'))).resolves.toEqual([{ n: 2 }]);
    // Work begun in a transaction but running after it ended may use the pool.
    let later: Promise<unknown> | undefined;
    await dataSource.transaction(async (m) => {
      later = sleep(20).then(() => dataSource.query('SELECT 3 AS n'));
      await m.query('SELECT 1');
    });
    await expect(later).resolves.toEqual([{ n: 3 }]);
  });

  it('answers 503 DATABASE_BUSY when no connection becomes free within the acquire timeout', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holders = [1, 2].map(() =>
      dataSource.transaction(async (m) => {
        await m.query('SELECT 1');
        await held;
      }),
    );
    await sleep(50);
    const started = Date.now();
    const error = await dataSource.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    const waited = Date.now() - started;
    release();
    await Promise.all(holders);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      status: 503,
      code: 'DATABASE_BUSY',
      svenska: expect.stringContaining('överbelastad'),
    });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2000);
  });

  it('sets statement_timeout and idle_in_transaction_session_timeout on every connection', async () => {
    const [settings] = await dataSource.query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(settings).toEqual({ statement: '400ms', idle: '400ms' });
    await expect(dataSource.query('SELECT pg_sleep(3)')).rejects.toMatchObject({ code: '57014' });
    // A transaction left idle (its code waits for something else) is ended by PostgreSQL, and its locks with it.
    const idle = dataSource.transaction(async (m) => {
      await m.query('SELECT 1');
      await sleep(1000);
      await m.query('SELECT 1');
    });
    await expect(idle).rejects.toThrow();
    await expect(dataSource.query('SELECT 4 AS n')).resolves.toEqual([{ n: 4 }]);
  });
});
