/**
 * Text that Excel or LibreOffice would read as a formula (`=HYPERLINK(…)` planted in another
 * organisation's answer, a motpart typed as `=cmd|…`): as OWASP recommends for CSV injection, it
 * gets a leading single quote, which makes the cell text, and is quoted.
 */
const FORMELSTART = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

const cell = (v: CsvCell) => {
  if (typeof v === 'number') return String(v);
  const s = v ?? '';
  if (FORMELSTART.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with BOM, `;`-separated, CRLF: what Swedish Excel opens with å ä ö intact. */
export function csv(rader: readonly (readonly CsvCell[])[]): Buffer {
  return Buffer.from('\uFEFF' + rader.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'utf8');
}
