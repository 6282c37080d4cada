import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';

const ROT = resolve(__dirname, '../../..');
const SHUTDOWN_TIMEOUT_MS = 1500;

async function ledigPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** SIGTERM used to wait for ever for a transaction stuck on a lock (closing the pool waits for its connections). */
describe('SIGTERM ends a service within SHUTDOWN_TIMEOUT_MS even with a transaction stuck', () => {
  let db: TestDatabase;
  let child: ChildProcess | undefined;
  let lockHolder: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    lockHolder = new Client({ connectionString: db.url });
    await lockHolder.connect();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await lockHolder.end();
    await db.drop();
  });

  it('exits after the bound, not when the lock is released', async () => {
    const port = await ledigPort();
    const url = `http://127.0.0.1:${port}`;
    // The real namnd-service (it serves the external links), from the TypeScript sources.
    child = spawn(process.execPath, ['-r', 'ts-node/register', 'apps/namnd-service/src/main.ts'], {
      cwd: ROT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'scripts/tsconfig.json',
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATABASE_URL: db.url,
        REDIS_URL: db.redisUrl,
        QUEUE_PREFIX: db.redisPrefix,
        MIGRATE_ON_START: 'false',
        DEMO_DATA: 'false',
        // No SMTP_URL: its own development mail sink, on a port no other test holds.
        DEV_SMTP_PORT: '0',
        NAMND_SERVICE_PORT: String(port),
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        // PostgreSQL's own limits would end the stuck statement; here only the shutdown bound may.
        DATABASE_STATEMENT_TIMEOUT_MS: '120000',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '120000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));

    const deadline = Date.now() + 90_000;
    while (
      !(await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`namnd-service did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // An answering transaction that waits on a lock held elsewhere: the link lookup inside it blocks.
    await lockHolder.query('BEGIN');
    await lockHolder.query('LOCK TABLE extern_atkomst IN ACCESS EXCLUSIVE MODE');
    const stuck = fetch(`${url}/api/extern/${'A'.repeat(43)}/avstar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    const waiting = async () =>
      (
        await lockHolder.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    while ((await waiting()) === 0) {
      if (Date.now() > deadline) throw new Error('the request never waited on the lock');
      await new Promise((r) => setTimeout(r, 50));
    }

    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - sent;
    await lockHolder.query('ROLLBACK');
    await stuck;

    expect(code).toBe(1);
    expect(took).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 5000);
    expect(stderr).toContain('did not finish within SHUTDOWN_TIMEOUT_MS');
  }, 150_000);
});
