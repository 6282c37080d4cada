/**
 * The printed text of a document's HTML, character by character, with where each character sits in
 * the markup. Pages are told apart in the PDF by counting characters: the n-th character of the
 * PDF's text area is the n-th character of the body here, so a page break found in the PDF is a
 * place in the HTML. Only the markup our templates produce is read (Handlebars output: quoted
 * attributes, escaped text), never arbitrary HTML.
 */

/** One element of the body, as written in the HTML. */
export interface Element {
  index: number;
  tag: string;
  klasser: string[];
  /** The start tag: `html.slice(start, startSlut)`. */
  start: number;
  startSlut: number;
  /** Offset of its end tag (the document's length if it has none). */
  slut: number;
  forälder?: Element;
  /** `data-sida` of a footnote block: the page it is meant for. */
  sida?: number;
}

/** One counted character: its offset in the HTML and the elements it is printed in. */
export interface Tecken {
  offset: number;
  /** Offset just after it in the HTML (an entity is several characters of markup). */
  efter: number;
  /** The innermost block-level element around it. */
  block: Element;
  /** The `.fotnotsyta` (a footnote block placed at the foot of a page) it is in. */
  fotnotsyta?: Element;
  /** Inside `section.fotnoter`, the notes collected at the end. */
  iSlutnoter: boolean;
  /** Inside footnote n's paragraph (`<p id="fotnot-n">`) wherever it is, end notes or foot of page. */
  fotnot?: number;
  /** The footnote a reference mark (`sup.fotnotsmarkering`) refers to. */
  markering?: number;
}

export interface HtmlFlode {
  html: string;
  tecken: Tecken[];
  element: Element[];
  /** `section.fotnoter`, the notes collected at the end. */
  slutnoter?: Element;
  /** `<p id="fotnot-n">` by number, wherever they are. */
  fotnotsstycken: Map<number, Element>;
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['style', 'script', 'title', 'textarea']);
/** Elements that are laid out inside a line; everything else starts a block here. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'del',
  'em',
  'i',
  'img',
  'ins',
  'q',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
]);

const ENTITETER: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * What counts as a character on both sides (here and in the PDF's text): letters, digits,
 * punctuation and symbols after NFKC, the normalisation pdfjs applies to ligatures. Spaces, soft
 * hyphens and other invisible characters are left out, since the two sides disagree about them.
 */
export function raknadeTecken(text: string): string[] {
  return [...text.normalize('NFKC')].filter((tecken) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(tecken));
}

const STARTTAGG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/y;

function attribut(attributText: string, namn: string): string | undefined {
  const match = new RegExp(`\\s${namn}\\s*=\\s*"([^"]*)"`).exec(attributText);
  return match?.[1];
}

export function lasHtml(html: string): HtmlFlode {
  const tecken: Tecken[] = [];
  const element: Element[] = [];
  const fotnotsstycken = new Map<number, Element>();
  let slutnoter: Element | undefined;
  const stack: Element[] = [];
  let iBody = false;
  let i = 0;

  const innersta = (villkor: (e: Element) => boolean) => {
    for (let k = stack.length - 1; k >= 0; k--) if (villkor(stack[k])) return stack[k];
    return undefined;
  };
  /** Per-character context, recomputed only when the stack changes. */
  let sammanhang: Pick<Tecken, 'block' | 'fotnotsyta' | 'iSlutnoter' | 'fotnot' | 'markering'> | undefined;
  const aktuellt = () => {
    if (sammanhang) return sammanhang;
    const fotnotsstycke = innersta((e) => e.tag === 'p' && fotnotsstycken.get(fotnotsnummer(e)) === e);
    const markering = innersta((e) => e.klasser.includes('fotnotsmarkering'));
    sammanhang = {
      block: innersta((e) => !INLINE.has(e.tag))!,
      fotnotsyta: innersta((e) => e.klasser.includes('fotnotsyta')),
      iSlutnoter: innersta((e) => e.klasser.includes('fotnoter')) !== undefined,
      fotnot: fotnotsstycke ? fotnotsnummer(fotnotsstycke) : undefined,
      markering: markering ? markeringsnummer.get(markering) : undefined,
    };
    return sammanhang;
  };
  const markeringsnummer = new Map<Element, number>();
  const lagg = (text: string, offset: number, efter: number) => {
    if (!iBody) return;
    for (const _ of raknadeTecken(text)) tecken.push({ offset, efter, ...aktuellt() });
  };

  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const slut = html.indexOf('-->', i + 4);
      i = slut < 0 ? html.length : slut + 3;
      continue;
    }
    if (html.startsWith('</', i)) {
      const slut = html.indexOf('>', i);
      const tag = html
        .slice(i + 2, slut)
        .trim()
        .toLowerCase();
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].tag !== tag) continue;
        for (const e of stack.splice(k)) e.slut = i;
        break;
      }
      sammanhang = undefined;
      i = slut + 1;
      continue;
    }
    if (html[i] === '<' && html.startsWith('<!', i)) {
      i = html.indexOf('>', i) + 1;
      continue;
    }
    STARTTAGG.lastIndex = i;
    const start = html[i] === '<' ? STARTTAGG.exec(html) : null;
    if (start) {
      const tag = start[1].toLowerCase();
      const e: Element = {
        index: element.length,
        tag,
        klasser: (attribut(start[2], 'class') ?? '').split(/\s+/).filter(Boolean),
        start: i,
        startSlut: i + start[0].length,
        slut: html.length,
        forälder: stack[stack.length - 1],
      };
      const sida = attribut(start[2], 'data-sida');
      if (sida !== undefined) e.sida = Number(sida);
      if (tag === 'body') iBody = true;
      if (iBody) element.push(e);
      const id = attribut(start[2], 'id');
      const nummer = /^fotnot-(\d+)$/.exec(id ?? '');
      if (nummer) fotnotsstycken.set(Number(nummer[1]), e);
      if (e.klasser.includes('fotnoter')) slutnoter = e;
      // The template writes a reference as `<sup class="fotnotsmarkering">n</sup>`.
      if (e.klasser.includes('fotnotsmarkering'))
        markeringsnummer.set(e, Number(html.slice(e.startSlut, html.indexOf('<', e.startSlut))));
      i = e.startSlut;
      if (RAW.has(tag)) {
        const slut = html.indexOf(`</${tag}`, i);
        e.slut = slut < 0 ? html.length : slut;
        i = slut < 0 ? html.length : html.indexOf('>', slut) + 1;
        continue;
      }
      if (VOID.has(tag) || start[3] === '/') {
        e.slut = e.startSlut;
        continue;
      }
      stack.push(e);
      sammanhang = undefined;
      // An ordered list's numbers are printed text: "1." before each item.
      if (tag === 'li' && stack[stack.length - 2]?.tag === 'ol') {
        const ol = stack[stack.length - 2];
        const nummer = element.filter((x) => x.tag === 'li' && x.forälder === ol).length;
        lagg(`${nummer}.`, i, i);
      }
      continue;
    }
    // Text up to the next tag, entity by entity.
    const slut = html.indexOf('<', i + 1);
    const textSlut = slut < 0 ? html.length : slut;
    while (i < textSlut) {
      if (html[i] === '&') {
        const entitet = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
        if (entitet) {
          const namn = entitet[1];
          const tecknet = namn.startsWith('#x')
            ? String.fromCodePoint(parseInt(namn.slice(2), 16))
            : namn.startsWith('#')
              ? String.fromCodePoint(parseInt(namn.slice(1), 10))
              : (ENTITETER[namn] ?? '?');
          lagg(tecknet, i, i + entitet[0].length);
          i += entitet[0].length;
          continue;
        }
      }
      const kod = html.codePointAt(i)!;
      const langd = kod > 0xffff ? 2 : 1;
      lagg(String.fromCodePoint(kod), i, i + langd);
      i += langd;
    }
  }
  return { html, tecken, element, slutnoter, fotnotsstycken };

  function fotnotsnummer(e: Element): number {
    return Number(/\sid="fotnot-(\d+)"/.exec(html.slice(e.start, e.startSlut))?.[1]);
  }
}
