/**
 * Whether a quotation occurs on a page of a remisshandling. Text extracted from a PDF breaks lines
 * inside words ("digi-\ntal") and anywhere between words, and users paste quotations either way,
 * so both sides are compared after normalising whitespace and line-end hyphenation. A hyphen before
 * a line break may be a real one ("IT-\navdelning"), so both readings of the page are tried.
 */
export function citatFoundIn(citat: string, sidtext: string): boolean {
  const sida = lasningar(sidtext);
  return lasningar(citat).some((c) => c.length > 0 && sida.some((s) => s.includes(c)));
}

/** The readings of a text: line-end hyphens joined (`digi- tal` → `digital`) and kept (`IT- avdelning` → `IT-avdelning`). */
function lasningar(text: string): string[] {
  const enhetlig = text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const avstavning = /(\p{L})- (\p{L})/gu;
  return [enhetlig.replace(avstavning, '$1$2'), enhetlig.replace(avstavning, '$1-$2')];
}
