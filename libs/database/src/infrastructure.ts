import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded/embedded-postgres';
import { startEmbeddedRedis } from './embedded/embedded-redis';

/** Where PostgreSQL and Redis are for this process: the configured servers, or embedded ones. */
export interface Infrastructure {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export async function provideInfrastructure(config: AppConfig): Promise<Infrastructure> {
  const started: EmbeddedServer[] = [];
  try {
    const databaseUrl =
      config.DATABASE_URL ??
      (await remember(started, startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_POSTGRES_PORT))).url;
    const redisUrl =
      config.REDIS_URL ??
      (await remember(started, startEmbeddedRedis(config.DATA_DIR, config.EMBEDDED_REDIS_PORT))).url;
    return {
      databaseUrl,
      redisUrl,
      stop: async () => {
        for (const server of started.reverse()) await server.stop();
      },
    };
  } catch (error) {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
    throw error;
  }
}

async function remember(list: EmbeddedServer[], starting: Promise<EmbeddedServer>): Promise<EmbeddedServer> {
  const server = await starting;
  list.push(server);
  return server;
}

/** Applies pending migrations; `synchronize` is never used. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) new Logger('Migrations').log(`applied ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
