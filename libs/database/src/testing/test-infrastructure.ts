import { AppConfig, loadConfig } from '@app/core';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { Infrastructure, provideInfrastructure, runMigrations } from '../infrastructure';

/**
 * Tests run against real servers: DATABASE_URL / REDIS_URL when set, else embedded ones under
 * .data/test. Jest's global setup migrates one template database; every test file then gets its
 * own database copied from it, so files never see each other's rows.
 */
export const TEMPLATE_DATABASE = 'remiss_test_template';
const DATABASE_PREFIX = 'remiss_t_';

const ENV_ADMIN_URL = 'REMISS_TEST_ADMIN_URL';
const ENV_REDIS_URL = 'REMISS_TEST_REDIS_URL';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function testEnvironment(): Record<string, string | undefined> {
  return { ...process.env, DATA_DIR: '.data/test', EMBEDDED_POSTGRES_PORT: '54339', EMBEDDED_REDIS_PORT: '63799' };
}

/** Global setup: finds the servers and builds the migrated template. */
export async function prepareTestInfrastructure(): Promise<Infrastructure> {
  const infrastructure = await provideInfrastructure(loadConfig(testEnvironment()));
  const adminUrl = withDatabase(infrastructure.databaseUrl, 'postgres');
  await withClient(adminUrl, async (client) => {
    await client.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [TEMPLATE_DATABASE]);
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_REDIS_URL] = infrastructure.redisUrl;
  return infrastructure;
}

/** Global teardown: drops databases that test files left behind (a crashed file cannot clean up). */
export async function dropLeftoverTestDatabases(): Promise<void> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  if (!adminUrl) return;
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${DATABASE_PREFIX}%'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

export interface TestDatabase {
  url: string;
  redisUrl: string;
  /** A BullMQ/Redis key prefix of this test file's own. */
  redisPrefix: string;
  config(overrides?: Record<string, string>): AppConfig;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const redisUrl = process.env[ENV_REDIS_URL];
  if (!adminUrl || !redisUrl) throw new Error('Test infrastructure missing: run the tests through `npm test` (Jest global setup).');
  const suffix = randomBytes(6).toString('hex');
  const name = `${DATABASE_PREFIX}${suffix}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = withDatabase(adminUrl, name);
  return {
    url,
    redisUrl,
    redisPrefix: `test-${suffix}`,
    config: (overrides = {}) => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: url, REDIS_URL: redisUrl, DEMO_DATA: 'false', ...overrides }),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
