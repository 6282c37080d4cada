import { AppConfig } from '@app/core';
import { dataSourceOptions, Infrastructure, provideInfrastructure, runMigrations } from '@app/database';
import { sql, withDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { DataSource } from 'typeorm';

export interface BenchDatabas {
  url: string;
  infrastructure: Infrastructure;
  drop(): Promise<void>;
}

/** A benchmark's own database on the configured (or embedded) servers: migrated, with the demo tenants. */
export async function benchDatabas(config: AppConfig, namn: string): Promise<BenchDatabas> {
  const infrastructure = await provideInfrastructure(config);
  const adminUrl = withDatabase(infrastructure.databaseUrl, 'postgres');
  const database = `remiss_${namn}_${process.pid}`;
  const url = withDatabase(adminUrl, database);
  await sql(adminUrl, `CREATE DATABASE ${database}`);
  const drop = async () => void (await sql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  try {
    await runMigrations(url);
    const ds = await new DataSource(dataSourceOptions(url, 2)).initialize();
    await loadDemoData(ds);
    await ds.destroy();
  } catch (error) {
    await drop();
    await infrastructure.stop();
    throw error;
  }
  return { url, infrastructure, drop };
}
