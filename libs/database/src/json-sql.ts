import { CappedSida, JsonText } from '@app/core';
import { DataSource } from 'typeorm';
import { PlanMode, preparedRead } from './prepared-statements';

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

/** The largest page the API asks for (SidQuery's pageSize). */
const PAGE_SIZE_MAX = 200;

/**
 * The LIMIT to write into a page statement's text, as a literal: the largest page size, while the
 * statement keeps the first `pageSize` of those rows before it reads anything but the sort index
 * (`WHERE ordning <= pageSize`). A generic plan of a LIMIT given as a parameter assumes a tenth of all
 * rows is wanted, and for a few thousand rows it sorts them all (in parallel workers) rather than walk
 * the sort's index; a literal keeps the walk. One literal rather than the page size itself, so that
 * page sizes do not multiply the statements each connection prepares and plans.
 */
export function pageLimit(pageSize: number): number {
  return Math.max(PAGE_SIZE_MAX, pageSize);
}

/** One list page as PostgreSQL builds it: the rows, their (capped) total and the page, as the JSON of a CappedSida. */
export interface SidaSql {
  /** Common table expressions `items` and `matches` may read (`name AS MATERIALIZED (…)`, …), if any. */
  with?: string;
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
  plan: PlanMode,
  sida: SidaSql,
  values: unknown[],
): Promise<JsonText<CappedSida<T>>> {
  const [{ json }] = await preparedRead<{ json: string }>(
    dataSource,
    `${sida.with ? `WITH ${sida.with} ` : ''}SELECT json_build_object('items', COALESCE((${sida.items}), '[]'), 'total', LEAST(c.n, ${LIST_COUNT_CAP}),
                              'totalCapped', c.n > ${LIST_COUNT_CAP}, 'page', ${sida.page}, 'pageSize', ${sida.pageSize})::text AS json
       FROM (SELECT count(*)::int AS n FROM (${sida.matches} LIMIT ${LIST_COUNT_CAP + 1}) m) c`,
    values,
    plan,
  );
  return json;
}
