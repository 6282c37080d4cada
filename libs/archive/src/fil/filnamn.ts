/**
 * The file name of every document the platform stores (DESIGN.md §4): the dnr with '/' (and spaces)
 * as '-', then what the document is (`missiv`, `remissammanstallning`, the answering instans' name),
 * folded to ASCII, e.g. `KS2025-118-Utbildningsnamnden.pdf` (and `.docx` for its editable twin), so it
 * survives every e-mail client and file system.
 */
export function dokumentFilnamn(
  diarienummer: string,
  del: string,
  filandelse: 'pdf' | 'csv' | 'docx' | 'zip' = 'pdf',
): string {
  return `${ascii(diarienummer)}-${ascii(del)}.${filandelse}`;
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
