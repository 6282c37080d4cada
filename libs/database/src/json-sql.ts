/**
 * SQL fragments for responses PostgreSQL builds as JSON, so they read exactly as the same values
 * serialised by Node would.
 */

/** A timestamptz as JavaScript's Date.toJSON writes it: UTC, milliseconds, `Z`. */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
