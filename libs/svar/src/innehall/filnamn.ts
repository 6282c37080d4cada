/**
 * The file name of a sent answer (DESIGN.md §4): the sender's dnr with '/' (and spaces) as '-',
 * then the instans' name folded to ASCII, e.g. `KS2025-118-Utbildningsnamnden.pdf`, so it survives
 * every e-mail client and file system.
 */
export function remissvarFilnamn(avsandarDiarienummer: string, instans: string): string {
  return `${ascii(avsandarDiarienummer)}-${ascii(instans)}.pdf`;
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
