import { AppConfig, loadConfig } from '@app/core';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { Infrastructure, provideInfrastructure, runMigrations } from '../infrastructure';

/**
 * Tests run against real servers: DATABASE_URL / REDIS_URL when set, else embedded ones under
 * .data/test. Jest's global setup migrates one template database; every test file then gets its
 * own database copied from it, so files never see each other's rows.
 */
const ENV_ADMIN_URL = 'REMISS_TEST_ADMIN_URL';
const ENV_REDIS_URL = 'REMISS_TEST_REDIS_URL';
/** Names this Jest run's databases, so runs sharing a server never touch each other's. */
const ENV_RUN_ID = 'REMISS_TEST_RUN';

const templateName = (run: string) => `remiss_tmpl_${run}`;
const databasePrefix = (run: string) => `remiss_t_${run}_`;

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

/** One query on its own connection: test setup the API cannot do, and "the row that must not exist". */
export function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(text, params)).rows as T[]);
}

const TEST_DATA_DIR = '.data/test';

export interface TestPorts {
  postgres: number;
  redis: number;
}

/** A port nothing listens on now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The embedded servers' ports for this checkout: free ones, so two checkouts on one machine run
 * their suites at once. They are remembered under DATA_DIR: a server a killed run left behind
 * still owns its data directory (a second PostgreSQL there would not start), so it is found on its
 * port again and reused.
 */
export async function testPorts(dataDir: string): Promise<TestPorts> {
  const file = join(dataDir, 'ports.json');
  let remembered: Partial<TestPorts> = {};
  try {
    remembered = JSON.parse(readFileSync(file, 'utf8')) as Partial<TestPorts>;
  } catch {
    // first run in this checkout
  }
  const pick = async (port: number | undefined) => (port && (await listening(port)) ? port : freePort());
  const ports = { postgres: await pick(remembered.postgres), redis: await pick(remembered.redis) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(ports));
  return ports;
}

export async function testEnvironment(): Promise<Record<string, string | undefined>> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: TEST_DATA_DIR };
  // With DATABASE_URL and REDIS_URL set nothing is embedded, and no port is needed.
  if (env.DATABASE_URL && env.REDIS_URL) return env;
  const ports = await testPorts(TEST_DATA_DIR);
  return { ...env, EMBEDDED_POSTGRES_PORT: String(ports.postgres), EMBEDDED_REDIS_PORT: String(ports.redis) };
}

/** Global setup: finds the servers and builds the migrated template. */
export async function prepareTestInfrastructure(): Promise<Infrastructure> {
  const infrastructure = await provideInfrastructure(loadConfig(await testEnvironment()));
  const adminUrl = withDatabase(infrastructure.databaseUrl, 'postgres');
  const run = randomBytes(4).toString('hex');
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${templateName(run)}`));
  await runMigrations(withDatabase(adminUrl, templateName(run)));
  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_REDIS_URL] = infrastructure.redisUrl;
  process.env[ENV_RUN_ID] = run;
  return infrastructure;
}

/** Global teardown: drops this run's template and the databases its files left (a crashed file cannot clean up). */
export async function dropTestDatabases(): Promise<void> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const run = process.env[ENV_RUN_ID];
  if (!adminUrl || !run) return;
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${databasePrefix(run)}%`, templateName(run)],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

export interface TestDatabase {
  url: string;
  redisUrl: string;
  /** A BullMQ/Redis key prefix of this test file's own, a Redis Cluster hashtag as production on a cluster needs it. */
  redisPrefix: string;
  config(overrides?: Record<string, string>): AppConfig;
  drop(): Promise<void>;
}

/** Every test logs in (and follows links) from 127.0.0.1, hundreds of times a file, and fuzzing may send wrong passwords; the rate-limit tests set low limits of their own. */
const GENEROUS_LIMITS = {
  LOGIN_RATE_MAX: '100000',
  LINK_RATE_MAX: '100000',
  LOGIN_MAX_FAILURES: '1000',
  LOGIN_MAX_FAILURES_ACCOUNT: '10000',
  LOGIN_HASH_QUEUE_PER_CLIENT: '100000',
  LOGIN_HASH_QUEUE_MAX: '100000',
};

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const redisUrl = process.env[ENV_REDIS_URL];
  const run = process.env[ENV_RUN_ID];
  if (!adminUrl || !redisUrl || !run)
    throw new Error('Test infrastructure missing: run the tests through `npm test` (Jest global setup).');
  const suffix = randomBytes(6).toString('hex');
  const name = `${databasePrefix(run)}${suffix}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(run)}`));
  const url = withDatabase(adminUrl, name);
  return {
    url,
    redisUrl,
    redisPrefix: `{test-${suffix}}`,
    config: (overrides = {}) =>
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: `{test-${suffix}}`,
        DEMO_DATA: 'false',
        // A test without an SMTP_URL of its own catches its mail in the process, on a port of its own.
        DEV_SMTP_PORT: '0',
        ...GENEROUS_LIMITS,
        ...overrides,
      }),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
