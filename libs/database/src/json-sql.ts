import { JsonText, Sida } from '@app/core';
import { DataSource } from 'typeorm';
import { preparedRead } from './prepared-statements';

/**
 * SQL fragments for responses PostgreSQL builds as JSON, so they read exactly as the same values
 * serialised by Node would.
 */

/** A timestamptz as JavaScript's Date.toJSON writes it: UTC, milliseconds, `Z`. */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** One list page as PostgreSQL builds it: the rows, their total and the page, as the JSON of a Sida. */
export interface SidaSql {
  /** A SELECT of `json_agg` over the page's rows, in their order. */
  items: string;
  /** A SELECT of the count of all rows the filter matches. */
  total: string;
  page: string;
  pageSize: string;
}

/** Reads a list page in one prepared statement and answers its JSON text as it is. */
export async function preparedSida<T>(
  dataSource: DataSource,
  sida: SidaSql,
  values: unknown[],
): Promise<JsonText<Sida<T>>> {
  const [{ json }] = await preparedRead<{ json: string }>(
    dataSource,
    `SELECT json_build_object('items', COALESCE((${sida.items}), '[]'), 'total', (${sida.total}), 'page', ${sida.page}, 'pageSize', ${sida.pageSize})::text AS json`,
    values,
  );
  return json;
}
