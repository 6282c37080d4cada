/**
 * The text conventions of dokument.ts: paragraphs are separated by a blank line, and `[^n]` refers
 * to footnote n (1-based) of the same part. Templates get the text as segments, so a footnote
 * marker becomes markup in the template while every word of the user stays escaped text.
 */
export type Textdel =
  { text: string; fotnot?: undefined; datum?: true } | { fotnot: number; text?: undefined; datum?: undefined };
export type Stycke = Textdel[];

export interface Fotnot {
  nummer: number;
  text: string;
}

/** A part of the document that owns a list of footnotes (the answer itself, or one synpunkt). */
export interface FotnotsDel {
  fotnoter: string[];
}

const MARKER = /\[\^(\d+)\]/g;
/** An ISO date in running text, which the template keeps on one line. */
const DATUM = /\b\d{4}-\d{2}-\d{2}\b/g;

/** `text` as segments, each date its own (`datum: true`), so no line breaks at a date's hyphens. */
export function textdelar(text: string): Textdel[] {
  const delar: Textdel[] = [];
  let last = 0;
  for (const match of text.matchAll(DATUM)) {
    if (match.index > last) delar.push({ text: text.slice(last, match.index) });
    delar.push({ text: match[0], datum: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) delar.push({ text: text.slice(last) });
  return delar;
}

export function stycken(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((stycke) => stycke.replace(/\s+/g, ' ').trim())
    .filter((stycke) => stycke !== '');
}

/**
 * Numbers footnotes through the whole document in reading order: a footnote gets its number where
 * it is first referred to, and a second reference to it reuses that number.
 */
export class Fotnotsregister {
  private readonly nummer = new Map<FotnotsDel, Map<number, number>>();
  readonly fotnoter: Fotnot[] = [];

  /** Paragraphs of `text`, with its `[^n]` resolved against `del`. */
  stycken(text: string, del: FotnotsDel): Stycke[] {
    return stycken(text).map((stycke) => this.delar(stycke, del));
  }

  /**
   * A footnote no text refers to is still part of what the nämnd decided: it is numbered after
   * all referenced ones, so no text is lost.
   */
  addUnreferenced(delar: FotnotsDel[]): Fotnot[] {
    for (const del of delar) del.fotnoter.forEach((_, index) => this.assignNumber(del, index + 1));
    return this.fotnoter;
  }

  private delar(stycke: string, del: FotnotsDel): Stycke {
    const resultat: Stycke = [];
    let last = 0;
    for (const match of stycke.matchAll(MARKER)) {
      const nummer = this.assignNumber(del, Number(match[1]));
      // A reference to a footnote that does not exist stays visible as the user wrote it.
      if (nummer === undefined) continue;
      const fore = stycke.slice(last, match.index).replace(/\s+$/, '');
      if (fore !== '') resultat.push(...textdelar(fore));
      resultat.push({ fotnot: nummer });
      last = match.index + match[0].length;
    }
    if (last < stycke.length) resultat.push(...textdelar(stycke.slice(last)));
    return resultat;
  }

  private assignNumber(del: FotnotsDel, n: number): number | undefined {
    const text = del.fotnoter[n - 1];
    if (text === undefined) return undefined;
    let delensNummer = this.nummer.get(del);
    if (!delensNummer) this.nummer.set(del, (delensNummer = new Map()));
    const befintligt = delensNummer.get(n);
    if (befintligt !== undefined) return befintligt;
    const nummer = this.fotnoter.length + 1;
    delensNummer.set(n, nummer);
    this.fotnoter.push({ nummer, text: text.replace(/\s+/g, ' ').trim() });
    return nummer;
  }
}
