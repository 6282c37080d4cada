/**
 * Reads the platform's CSV (libs/core/src/http/csv.ts) as Excel does: `;`-separated, quoted cells
 * with quotes doubled and line breaks inside, CRLF between rows; a leading BOM is dropped.
 */
export function lasCsv(text: string): string[][] {
  const rader: string[][] = [];
  let rad: string[] = [];
  let cell = '';
  let citerad = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (citerad && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      citerad = !citerad;
    } else if (!citerad && c === ';') {
      rad.push(cell);
      cell = '';
    } else if (!citerad && c === '\r' && text[i + 1] === '\n') {
      rad.push(cell);
      rader.push(rad);
      rad = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rader;
}
