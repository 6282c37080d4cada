import { DynamicModule, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig, plattformsUrl, StartupError } from '@app/core';
import { Infrastructure, provideInfrastructure, runMigrations } from '@app/database';
import { createHttpApp } from './http-app';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface HttpAppSpec {
  title: string;
  port: (config: AppConfig) => number;
  module: (config: AppConfig, infrastructure: Infrastructure) => DynamicModule;
  /** Runs after migrations, before the app listens (e.g. loading demo data). */
  beforeListen?: (config: AppConfig, infrastructure: Infrastructure) => Promise<void>;
  afterListen?: (url: string, config: AppConfig) => void;
}

/** Reads the config, finds or starts PostgreSQL and Redis, migrates, and serves the app until SIGTERM/SIGINT. */
export async function runHttpApp(spec: HttpAppSpec): Promise<void> {
  const config = startConfig();
  const infrastructure = await provideInfrastructure(config);
  if (config.MIGRATE_ON_START) await runMigrations(infrastructure.databaseUrl);
  await spec.beforeListen?.(config, infrastructure);
  const app = await createHttpApp(
    spec.module(config, infrastructure),
    config,
    spec.title,
    LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  );
  await app.listen(spec.port(config), config.HOST);
  const url = plattformsUrl(config, spec.port(config));
  new Logger(spec.title).log(`listening on ${url}`);
  spec.afterListen?.(url, config);
  stopOnSignal(config.SHUTDOWN_TIMEOUT_MS, async () => {
    await app.close();
    await infrastructure.stop();
  });
}

/** Runs a worker (no HTTP) until SIGTERM/SIGINT. */
export async function runWorker(
  title: string,
  module: (config: AppConfig, infrastructure: Infrastructure) => DynamicModule,
): Promise<void> {
  const config = startConfig();
  const infrastructure = await provideInfrastructure(config);
  if (config.MIGRATE_ON_START) await runMigrations(infrastructure.databaseUrl);
  const app = await NestFactory.createApplicationContext(module(config, infrastructure), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  new Logger(title).log('started');
  stopOnSignal(config.SHUTDOWN_TIMEOUT_MS, async () => {
    await app.close();
    await infrastructure.stop();
  });
}

/** `node main.js migrate`: applies pending migrations, runs `afterMigrate` (e.g. demo data) and exits. */
export async function runMigrateCommand(
  afterMigrate?: (config: AppConfig, infrastructure: Infrastructure) => Promise<void>,
): Promise<void> {
  const config = startConfig();
  const infrastructure = await provideInfrastructure(config);
  try {
    const applied = await runMigrations(infrastructure.databaseUrl);
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'The database is up to date.');
    await afterMigrate?.(config, infrastructure);
  } finally {
    await infrastructure.stop();
  }
}

function startConfig(): AppConfig {
  return loadConfig(process.env);
}

/**
 * Stops gracefully on SIGTERM/SIGINT, but within `timeoutMs`: closing waits for requests and
 * pooled connections, and a transaction stuck on a lock would otherwise keep the process alive
 * until SIGKILL.
 */
function stopOnSignal(timeoutMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const logger = new Logger('Shutdown');
    logger.log(`${signal}: finishing work in progress`);
    setTimeout(() => {
      logger.error(`work in progress did not finish within SHUTDOWN_TIMEOUT_MS (${timeoutMs} ms); exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}

/** The entry point of every app: a configuration or start-up error prints one sentence and exits 1. */
export function main(run: () => Promise<void>): void {
  run().catch((error: unknown) => {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  });
}
