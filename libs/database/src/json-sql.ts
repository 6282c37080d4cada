import { CappedSida, JsonText } from '@app/core';
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

/** Lists count the rows their filter matches up to this many; more are answered as `totalCapped`. */
export const LIST_COUNT_CAP = 1000;

/** One list page as PostgreSQL builds it: the rows, their (capped) total and the page, as the JSON of a CappedSida. */
export interface SidaSql {
  /** A SELECT of `json_agg` over the page's rows, in their order. */
  items: string;
  /** A SELECT of the rows the filter matches (any column): counted up to LIST_COUNT_CAP + 1. */
  matches: string;
  page: string;
  pageSize: string;
}

/** Reads a list page in one prepared statement and answers its JSON text as it is. */
export async function preparedSida<T>(
  dataSource: DataSource,
  sida: SidaSql,
  values: unknown[],
): Promise<JsonText<CappedSida<T>>> {
  const [{ json }] = await preparedRead<{ json: string }>(
    dataSource,
    `SELECT json_build_object('items', COALESCE((${sida.items}), '[]'), 'total', LEAST(c.n, ${LIST_COUNT_CAP}),
                              'totalCapped', c.n > ${LIST_COUNT_CAP}, 'page', ${sida.page}, 'pageSize', ${sida.pageSize})::text AS json
       FROM (SELECT count(*)::int AS n FROM (${sida.matches} LIMIT ${LIST_COUNT_CAP + 1}) m) c`,
    values,
  );
  return json;
}
