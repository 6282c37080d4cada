/**
 * Whether a quotation occurs on a page of a remisshandling. Text extracted from a PDF breaks lines
 * inside words ("digi-\ntal") and anywhere between words, and users paste quotations either way,
 * so both sides are compared after normalising typography, whitespace and line-end hyphenation.
 * A hyphen before a line break may be a real one ("IT-\navdelning"), so both readings are tried.
 */
export function citatFoundIn(citat: string, sidtext: string): boolean {
  const sida = lasningar(enhetlig(sidtext));
  return lasningar(citatText(citat)).some((c) => c.length > 0 && sida.some((s) => s.includes(c)));
}

/**
 * The page of a handling on which a quotation starts, nearest the page the user gave (that page
 * itself when the quotation is there; of two equally near, the earlier), or null when it is on no
 * page. A quotation may run over page breaks: the running header and footer between the pages
 * (letterhead, title, "Sida 5 (12)") are not part of the text quoted. `sidor[0]` is page 1.
 */
export function locateCitat(citat: string, sidor: readonly string[], angivenSida: number): number | null {
  const c = lasningar(citatText(citat)).filter((l) => l.length > 0);
  if (c.length === 0) return null;
  const kroppar = sidkroppar(sidor).map(enhetlig);
  const langd = Math.max(...c.map((l) => l.length));
  const startsOn = (i: number) => {
    if (i < 0 || i >= kroppar.length) return false;
    // The page and as many following pages as a quotation of this length can reach.
    let text = kroppar[i];
    for (let j = i + 1; j < kroppar.length && text.length - kroppar[i].length < langd; j++) text += ` ${kroppar[j]}`;
    return lasningar(text).some((t, n) => {
      const slut = lasningar(kroppar[i])[n].length;
      return c.some((l) => {
        const pos = t.indexOf(l);
        return pos >= 0 && pos < slut;
      });
    });
  };
  const index = angivenSida - 1;
  for (let avstand = 0; avstand < kroppar.length; avstand++) {
    if (startsOn(index - avstand)) return index - avstand + 1;
    if (avstand > 0 && startsOn(index + avstand)) return index + avstand + 1;
  }
  return null;
}

/**
 * Each page's text without its running header and footer. A line at the top or bottom of a page is
 * running when, with its digits ignored, it stands at the top or bottom of most pages of the
 * handling (letterhead "VADSTENA KOMMUN", the document's title, "Sida 5 (12)"); a page number alone
 * ("5", "5 (12)", "Sida 5 av 12", "– 5 –") is running wherever it stands at an edge.
 */
export function sidkroppar(sidor: readonly string[]): string[] {
  const rader = sidor.map((s) => s.split('\n').filter((r) => r.trim().length > 0));
  const forekomster = new Map<string, number>();
  for (const sida of rader) {
    const kanter = new Set([...sida.slice(0, KANTRADER), ...sida.slice(-KANTRADER)].map(radnyckel));
    for (const k of kanter) forekomster.set(k, (forekomster.get(k) ?? 0) + 1);
  }
  const antal = (rad: string) => forekomster.get(radnyckel(rad)) ?? 0;
  const lopande = (rad: string) => SIDNUMMER.test(rad.trim()) || (antal(rad) >= 2 && antal(rad) * 2 > sidor.length);
  return rader.map((sida) => {
    let forsta = 0;
    let sista = sida.length;
    while (forsta < Math.min(KANTRADER, sista) && lopande(sida[forsta])) forsta++;
    while (sista > Math.max(forsta, sida.length - KANTRADER) && lopande(sida[sista - 1])) sista--;
    return sida.slice(forsta, sista).join('\n');
  });
}

/** How many lines at each edge of a page may belong to its running header or footer. */
const KANTRADER = 3;
const SIDNUMMER = /^(?:(?:sida|s\.)\s*)?[-–—]?\s*\d+\s*[-–—]?(?:\s*(?:\(\s*\d+\s*\)|(?:av|\/)\s*\d+))?$/i;
const radnyckel = (rad: string) => enhetlig(rad).replace(/\d+/g, '#').toLowerCase();

/** A quotation as typed: the quotation marks a user pastes around it are not part of the text. */
const citatText = (citat: string) =>
  enhetlig(citat)
    .replace(/^["']+|["']+$/g, '')
    .trim();

/**
 * One spelling for what typesetting varies: compatibility forms (ligatures ﬁ ﬂ ﬀ ﬃ ﬄ, the
 * non-breaking and other Unicode spaces) as their plain letters, dashes and minus as a hyphen,
 * typographic quotation marks as straight ones, soft hyphens and zero-width characters gone
 * (a soft hyphen at a line end joins the word), every run of whitespace as one space.
 */
function enhetlig(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00AD\s*/g, '')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u201C-\u201F\u00AB\u00BB\u301D\u301E]/g, '"')
    .replace(/[\u2018-\u201B\u2032\u2039\u203A`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The readings of a text: line-end hyphens joined (`digi- tal` → `digital`) and kept (`IT- avdelning` → `IT-avdelning`). */
function lasningar(text: string): [string, string] {
  const avstavning = /(\p{L})- (\p{L})/gu;
  return [text.replace(avstavning, '$1$2'), text.replace(avstavning, '$1-$2')];
}
