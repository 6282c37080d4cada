import type { AppConfig } from '@app/core';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { DomainModel1763700000000 } from './migrations/1763700000000-domain-model';
import { Utkorg1763800000000 } from './migrations/1763800000000-utkorg';
import { RemissAvsandare1763900000000 } from './migrations/1763900000000-remiss-avsandare';
import { RemissForsening1763900000001 } from './migrations/1763900000001-remiss-forsening';
import { SynpunktCitatinledning1763950000000 } from './migrations/1763950000000-synpunkt-citatinledning';
import { InkorgIndex1763960000000 } from './migrations/1763960000000-inkorg-index';
import { UtkorgSvep1764000000000 } from './migrations/1764000000000-utkorg-svep';
import { InstansFk1764000000001 } from './migrations/1764000000001-instans-fk';
import { UtkorgPlaneradIndex1764100000000 } from './migrations/1764100000000-utkorg-planerad-index';
import { PaminnelseInstanskontroll1764100000001 } from './migrations/1764100000001-paminnelse-instanskontroll';
import { ExternLankAterkallad1764200000000 } from './migrations/1764200000000-extern-lank-aterkallad';
import { ListaIndex1764300000010 } from './migrations/1764300000010-lista-index';
import { PaminnelsereglerVersion1764300000011 } from './migrations/1764300000011-paminnelseregler-version';
import { WebbFlash1764400000000 } from './migrations/1764400000000-webb-flash';
import { InstansRaknareIndex1764400000101 } from './migrations/1764400000101-instans-raknare-index';
import { EpostAvsandare1764400000301 } from './migrations/1764400000301-epost-avsandare';
import { RemissvarInnehall1764400000401 } from './migrations/1764400000401-remissvar-innehall';
import { ExterntRemissvar1764400000501 } from './migrations/1764400000501-externt-remissvar';
import { RedigerbartSvar1764400000700 } from './migrations/1764400000700-redigerbart-svar';
import { DiariumPerOrganisation1764500000400 } from './migrations/1764500000400-diarium-per-organisation';
import { Arkivering1764500000500 } from './migrations/1764500000500-arkivering';
import { EarkivExport1764500000600 } from './migrations/1764500000600-earkiv-export';
import { Stallningstagande1764500000300 } from './migrations/1764500000300-stallningstagande';
import { Konton1764500000700 } from './migrations/1764500000700-konton';
import { Sandlista1764500000100 } from './migrations/1764500000100-sandlista';
import { Uppfoljning1764500000200 } from './migrations/1764500000200-uppfoljning';
import { BrevhuvudKoppling1764500000800 } from './migrations/1764500000800-brevhuvud-koppling';
import { SammanstallningArkivering1764500000900 } from './migrations/1764500000900-sammanstallning-arkivering';
import { ForstaDiarium1764500001050 } from './migrations/1764500001050-forsta-diarium';

/** Listed, not globbed, so the same list works from ts-jest, ts sources and the compiled build. */
export const MIGRATIONS = [
  DomainModel1763700000000,
  Utkorg1763800000000,
  RemissAvsandare1763900000000,
  RemissForsening1763900000001,
  SynpunktCitatinledning1763950000000,
  InkorgIndex1763960000000,
  UtkorgSvep1764000000000,
  InstansFk1764000000001,
  UtkorgPlaneradIndex1764100000000,
  PaminnelseInstanskontroll1764100000001,
  ExternLankAterkallad1764200000000,
  ListaIndex1764300000010,
  PaminnelsereglerVersion1764300000011,
  WebbFlash1764400000000,
  InstansRaknareIndex1764400000101,
  EpostAvsandare1764400000301,
  RemissvarInnehall1764400000401,
  ExterntRemissvar1764400000501,
  RedigerbartSvar1764400000700,
  DiariumPerOrganisation1764500000400,
  Arkivering1764500000500,
  EarkivExport1764500000600,
  Stallningstagande1764500000300,
  Konton1764500000700,
  Sandlista1764500000100,
  Uppfoljning1764500000200,
  BrevhuvudKoppling1764500000800,
  SammanstallningArkivering1764500000900,
  ForstaDiarium1764500001050,
];

/** Bounds on every wait for PostgreSQL (the apps' pools; migrations and test setup go without). */
export interface DatabaseLimits {
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const databaseLimits = (
  config: Pick<
    AppConfig,
    'DATABASE_ACQUIRE_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'
  >,
): DatabaseLimits => ({
  acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
  statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
});

export function dataSourceOptions(url: string, poolSize = 10, limits?: DatabaseLimits): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: poolSize,
      // pg-pool: how long a caller waits for a free connection (or a new one to connect).
      ...(limits ? { connectionTimeoutMillis: limits.acquireTimeoutMs } : {}),
      // Sent at connect, so PostgreSQL itself ends a runaway statement or a transaction left open.
      ...(limits
        ? {
            statement_timeout: limits.statementTimeoutMs,
            idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
          }
        : {}),
    },
  };
}
