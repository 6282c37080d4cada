import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PT_PER_MM, Sidformat } from '../vy/sidformat';
import { Element, HtmlFlode, lasHtml, Tecken } from './html-flode';

import { lasRader, Rad, Sida } from './pdf-rader';

/**
 * Footnotes at the foot of the page their reference is printed on, under a short rule. Chromium
 * ignores `float: footnote` and no script runs in the page, so the layout is found by printing:
 *
 * 1. Print the document as written (footnotes collected at the end). Without a footnote reference
 *    this is the document: one print.
 * 2. Read the PDF's text (pdfjs) and count characters to learn which part of the HTML each printed
 *    line is, so each page break and each reference is a place in the HTML.
 * 3. For the first page that is not right, pick the last line after which that page's footnotes
 *    still fit (keeping the template's rules: no break inside a quotation block, after a heading,
 *    leaving fewer than three lines), and put a footnote block there, followed by a page break.
 *    When that moves no text to the next page, the pages after it are unchanged and are done in
 *    the same pass; otherwise they are measured again after the next print.
 * 4. Print and check: every block on the page of its references, every reference on the page of
 *    its block. A reference that moved takes its footnote along on the next round.
 *
 * Each print settles at least the first page that was wrong, so it takes at most a print per page
 * with footnotes, and one more. After that many (or `maxUtskrifter`) without converging, the
 * document keeps its notes at the end, and a warning says so. The plan a document converged to is kept (by the HTML's SHA-256): printing the
 * same HTML again in the same Chromium lays it out the same way, so a repeated document (a preview,
 * then the expedited answer) costs one print.
 */
export interface Fotnotsutskrift {
  pdf: Buffer;
  /** How many times Chromium printed the document. */
  utskrifter: number;
  /** False when the notes were left at the end (no convergence, or the text could not be matched). */
  vidSidfoten: boolean;
}

/** One footnote block: after base character `snitt`, holding `fotnoter`, pushed down by `luft` points. */
export interface Plats {
  snitt: number;
  fotnoter: number[];
  luft: number;
  /** The page it is meant for (1-based). */
  sida: number;
}

/** Leaves a block this far above the foot of the text area: what a line's descent and a box's padding may take. */
const GRUNDRESERV_PT = 3 * PT_PER_MM;
/** Added to a page's reserve each time its block did not fit where it was computed to. */
const RESERV_STEG_PT = 2 * PT_PER_MM;
/** Footnote text: 8.5pt with line-height 1.35, a 0.3 mm rule and 1.5 mm under it, 1 mm between notes (stil.hbs). */
const FOTNOT_RAD_PT = 8.5 * 1.35;
const FOTNOTSYTA_LINJE_PT = (0.3 + 1.5) * PT_PER_MM;
const FOTNOT_AVSTAND_PT = 1 * PT_PER_MM;

/** Tags a footnote block may not be put inside (and classes kept whole by `break-inside: avoid` in stil.hbs). */
const OSPLITTBARA_TAGGAR = new Set(['header', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'ol', 'h1', 'h2', 'h3']);
const OSPLITTBARA_KLASSER = [
  'citatblock',
  'andringsforslag',
  'stallningstagande',
  'avslut',
  'underskrifter',
  'fotnoter',
  'fotnotsyta',
];
/** What stil.hbs keeps with what follows (`break-after: avoid`) or with what comes before (`break-before: avoid`). */
const HALLS_MED_NASTA = new Set(['h1', 'h2', 'h3']);
const HALLS_MED_NASTA_KLASSER = ['citatblock', 'citatinledning', 'instans', 'sammanfattning'];
const HALLS_MED_FOREGAENDE_KLASSER = ['andringsforslag'];
/** orphans and widows of stil.hbs. */
const MINSTA_RADER = 3;

/** Documents whose final HTML is kept: 32 of UN2025/412's 140 kB (most of it the fonts) take 4.5 MB. */
const CACHE_STORLEK = 32;
/** How the templates mark a footnote reference (partials/stycken.hbs). */
const MARKERINGSKLASS = 'class="fotnotsmarkering"';
/** However many pages have footnotes: beyond this the notes stay at the end. */
const MAX_UTSKRIFTER = 24;

export class Fotnotsombrytning {
  private readonly logger = new Logger('Fotnoter');
  /** The HTML each recent document was finally printed from, by the SHA-256 of its first HTML. */
  private readonly kanda = new Map<string, { html: string; vidSidfoten: boolean }>();

  constructor(
    private readonly skrivUt: (html: string) => Promise<Buffer>,
    private readonly format: Sidformat,
    private readonly maxUtskrifter?: number,
  ) {}

  async print(html: string): Promise<Fotnotsutskrift> {
    // Most documents have no footnote: they are printed as they are, without being read.
    if (!html.includes(MARKERINGSKLASS)) return { pdf: await this.skrivUt(html), utskrifter: 1, vidSidfoten: false };
    const nyckel = createHash('sha256').update(html).digest('hex');
    const kand = this.kanda.get(nyckel);
    if (kand) {
      this.kanda.delete(nyckel);
      this.kanda.set(nyckel, kand);
      return { pdf: await this.skrivUt(kand.html), utskrifter: 1, vidSidfoten: kand.vidSidfoten };
    }
    const resultat = await this.layOut(html);
    if (this.kanda.size >= CACHE_STORLEK) this.kanda.delete(this.kanda.keys().next().value!);
    this.kanda.set(nyckel, { html: resultat.html, vidSidfoten: resultat.vidSidfoten });
    return { pdf: resultat.pdf, utskrifter: resultat.utskrifter, vidSidfoten: resultat.vidSidfoten };
  }

  private async layOut(html: string): Promise<Fotnotsutskrift & { html: string }> {
    const original = lasHtml(html);
    const forstaMarkering = forstaMarkeringar(original);
    const forsta = await this.skrivUt(html);
    let utskrifter = 1;
    const slutnoter = { pdf: forsta, html, vidSidfoten: false };
    if (forstaMarkering.size === 0) return { ...slutnoter, utskrifter };

    const bas = lasHtml(utanPlaceradeSlutnoter(original, forstaMarkering));
    const fotnotsHtml = new Map(
      [...forstaMarkering.keys()].map((n) => {
        const p = original.fotnotsstycken.get(n)!;
        return [n, html.slice(p.start, p.slut + '</p>'.length)] as const;
      }),
    );
    let flode = original;
    let sidor = await lasRader(forsta, this.format);
    if (!stammer(sidor, flode)) {
      this.logger.warn('The printed text did not match the HTML character for character; footnotes stay at the end');
      return { ...slutnoter, utskrifter };
    }
    const sidaAv = sidaPerTecken(sidor, original.tecken.length);
    const sidorMedFotnoter = new Set([...forstaMarkering.values()].map((index) => sidaAv[index]));
    const max = this.maxUtskrifter ?? Math.min(MAX_UTSKRIFTER, sidorMedFotnoter.size + 2);
    const radantal = radantalPerFotnot(original, sidor);
    const reserv = new Map<number, number>();
    let plan: Plats[] = [];
    while (utskrifter < max) {
      const nasta = planera({ bas, flode, sidor, plan, radantal, reserv, refererade: forstaMarkering });
      if (nasta === undefined) break;
      plan = nasta;
      const nyHtml = medFotnotsytor(bas, plan, fotnotsHtml);
      const pdf = await this.skrivUt(nyHtml);
      utskrifter++;
      flode = lasHtml(nyHtml);
      sidor = await lasRader(pdf, this.format);
      if (!stammer(sidor, flode)) break;
      if (stamplar(flode, sidor, forstaMarkering).klar) return { pdf, html: nyHtml, utskrifter, vidSidfoten: true };
    }
    this.logger.warn(
      `Footnotes did not settle at the foot of their pages after ${utskrifter} prints; they stay at the end of the document`,
    );
    return { ...slutnoter, utskrifter };
  }
}

/**
 * Footnote number → the counted character of its first reference, in reading order; only
 * footnotes in `bland` (by default those whose text the document has).
 */
function forstaMarkeringar(
  flode: HtmlFlode,
  bland: { has(n: number): boolean } = flode.fotnotsstycken,
): Map<number, number> {
  const forsta = new Map<number, number>();
  flode.tecken.forEach((t, index) => {
    if (t.markering !== undefined && bland.has(t.markering) && !forsta.has(t.markering)) forsta.set(t.markering, index);
  });
  return forsta;
}

/** Every character of the HTML's body was found on some line of the PDF, and no more. */
function stammer(sidor: Sida[], flode: HtmlFlode): boolean {
  const sista = sidor.flatMap((s) => s.rader).pop();
  return (sista?.slut ?? 0) === flode.tecken.length;
}

/** How many lines each footnote took at the end of the first print, where it is as wide as at a page's foot. */
function radantalPerFotnot(flode: HtmlFlode, sidor: Sida[]): Map<number, number> {
  const antal = new Map<number, number>();
  for (const rad of sidor.flatMap((s) => s.rader)) {
    const fotnot = flode.tecken[rad.start].fotnot;
    if (fotnot !== undefined) antal.set(fotnot, (antal.get(fotnot) ?? 0) + 1);
  }
  return antal;
}

function fotnotsytansHojd(fotnoter: number[], radantal: Map<number, number>): number {
  if (fotnoter.length === 0) return 0;
  const rader = fotnoter.reduce((summa, n) => summa + (radantal.get(n) ?? 1), 0);
  return FOTNOTSYTA_LINJE_PT + rader * FOTNOT_RAD_PT + (fotnoter.length - 1) * FOTNOT_AVSTAND_PT;
}

/** A line box's bottom, from its baseline: the descent and half the leading, generously. */
const radensBotten = (rad: Rad) => rad.baslinje + 0.45 * rad.storlek;

/** The document without the end notes whose footnotes go to the foot of a page (unreferenced ones stay). */
function utanPlaceradeSlutnoter(flode: HtmlFlode, placerade: Map<number, number>): string {
  const { html, slutnoter } = flode;
  if (!slutnoter) return html;
  const kvar = [...flode.fotnotsstycken].filter(([n, p]) => !placerade.has(n) && p.forälder === slutnoter);
  if (kvar.length === 0) return html.slice(0, slutnoter.start) + html.slice(slutnoter.slut + '</section>'.length);
  let ut = html;
  const bort = [...placerade.keys()].map((n) => flode.fotnotsstycken.get(n)!).sort((a, b) => b.start - a.start);
  for (const p of bort) ut = ut.slice(0, p.start) + ut.slice(p.slut + '</p>'.length);
  return ut;
}

interface Lage {
  bas: HtmlFlode;
  /** The HTML that was printed and its PDF's lines. */
  flode: HtmlFlode;
  sidor: Sida[];
  plan: Plats[];
  radantal: Map<number, number>;
  reserv: Map<number, number>;
  refererade: Map<number, number>;
}

interface Stampling {
  klar: boolean;
  /** Per page: is it right (its block holds exactly its references' footnotes and lies wholly on it). */
  ratt: boolean[];
  /** Per block, by the page it is meant for: the pages its text is on. */
  blocksidor: Map<number, Set<number>>;
}

/** Which page each counted character of the printed HTML landed on (1-based). */
function sidaPerTecken(sidor: Sida[], antal: number): Int32Array {
  const sida = new Int32Array(antal);
  sidor.forEach((s, index) => {
    for (const rad of s.rader) sida.fill(index + 1, rad.start, rad.slut);
  });
  return sida;
}

function stamplar(flode: HtmlFlode, sidor: Sida[], refererade: Map<number, number>): Stampling {
  const sidaAv = sidaPerTecken(sidor, flode.tecken.length);
  const referenser: number[][] = sidor.map(() => []);
  for (const [n, index] of forstaMarkeringar(flode, refererade)) referenser[Math.max(sidaAv[index], 1) - 1].push(n);
  const block = new Map<Element, { sidor: Set<number>; fotnoter: Set<number> }>();
  flode.tecken.forEach((t, index) => {
    if (!t.fotnotsyta) return;
    let b = block.get(t.fotnotsyta);
    if (!b) block.set(t.fotnotsyta, (b = { sidor: new Set(), fotnoter: new Set() }));
    b.sidor.add(sidaAv[index]);
    if (t.fotnot !== undefined) b.fotnoter.add(t.fotnot);
  });
  const blockPaSida = sidor.map(() => [] as { sidor: Set<number>; fotnoter: Set<number> }[]);
  for (const b of block.values()) for (const s of b.sidor) blockPaSida[s - 1].push(b);
  const ratt = referenser.map((refs, index) => {
    const har = blockPaSida[index].filter((b) => b.fotnoter.size > 0);
    if (refs.length === 0) return har.length === 0;
    return (
      har.length === 1 &&
      har[0].sidor.size === 1 &&
      har[0].fotnoter.size === refs.length &&
      refs.every((n) => har[0].fotnoter.has(n))
    );
  });
  const allaPlacerade = [...refererade.keys()].every((n) => [...block.values()].some((b) => b.fotnoter.has(n)));
  return {
    klar: allaPlacerade && ratt.every(Boolean),
    ratt,
    blocksidor: new Map([...block].map(([e, b]) => [e.sida ?? 0, b.sidor])),
  };
}

/**
 * The next plan from the last print: pages that are right keep their blocks; the first page that
 * is not gets a block computed from its printed lines, and so do the pages after it as long as no
 * text moved. `undefined`: no page can be made right (footnotes taller than the page).
 */
function planera(lage: Lage): Plats[] | undefined {
  const { bas, flode, sidor, plan, radantal, reserv } = lage;
  const stampling = stamplar(flode, sidor, lage.refererade);
  const ny: Plats[] = [];
  const paRattSida = (p: Plats) => {
    const paSidor = stampling.blocksidor.get(p.sida);
    return paSidor !== undefined && paSidor.size === 1 && paSidor.has(p.sida);
  };
  for (const p of plan) {
    if (p.fotnoter.length > 0 && !paRattSida(p)) reserv.set(p.sida, (reserv.get(p.sida) ?? 0) + RESERV_STEG_PT);
  }

  const basIndex = basIndexar(flode, lage.refererade);
  const basSidor = sidor.map((sida) => innehallsrader(sida, flode, basIndex, lage.refererade));
  const referenser = [...forstaMarkeringar(bas, lage.refererade)];
  for (let q = 1; q <= sidor.length; q++) {
    const rader = basSidor[q - 1];
    const pagaende = plan.filter((p) => p.sida === q);
    if (stampling.ratt[q - 1]) {
      ny.push(...pagaende);
      continue;
    }
    if (rader.length === 0) return ny;
    // Where the next page's text starts now: a block there moves nothing.
    const sidslut = basSidor.slice(q).find((r) => r.length > 0)?.[0]?.start ?? bas.tecken.length;
    const valt = valjSnitt(
      q,
      rader,
      referenser.filter(([, index]) => index >= rader[0].start),
    );
    if (!valt) return undefined;
    const behovs = valt.fotnoter.length > 0 || valt.snitt !== sidslut;
    if (behovs) ny.push(valt);
    // The pages after this one are as printed only if this page still breaks where it did: at the
    // same place, by the same kind of break (a block that fitted, or none).
    const sammaBrytning =
      valt.snitt === sidslut &&
      (pagaende.length === 0 ||
        (behovs &&
          pagaende.length === 1 &&
          pagaende[0].snitt === valt.snitt &&
          (pagaende[0].fotnoter.length === 0 || paRattSida(pagaende[0]))));
    if (!sammaBrytning) return ny;
  }
  return ny;

  /** The lowest line of page q after which the notes referred to above it fit, and the break is allowed. */
  function valjSnitt(q: number, rader: BasRad[], referenser: [number, number][]): Plats | undefined {
    const sida = sidor[q - 1];
    const egen = GRUNDRESERV_PT + (reserv.get(q) ?? 0);
    for (let i = rader.length - 1; i >= 0; i--) {
      const snitt = rader[i].slut;
      const fotnoter = referenser.filter(([, index]) => index < snitt).map(([n]) => n);
      const hojd = fotnotsytansHojd(fotnoter, radantal);
      const botten = radensBotten(rader[i].rad) + (fotnoter.length > 0 ? hojd + egen : 0);
      if (botten > sida.textytansBotten) continue;
      if (!giltigtSnitt(bas, snitt, rader, i)) continue;
      return {
        snitt,
        fotnoter,
        luft: fotnoter.length > 0 ? Math.max(0, sida.textytansBotten - botten) : 0,
        sida: q,
      };
    }
    return undefined;
  }
}

/** A printed line of the document's own text, as counted characters of the base HTML. */
interface BasRad {
  start: number;
  slut: number;
  rad: Rad;
}

/** For each counted character of the printed HTML, how many of the base HTML's come before it. */
function basIndexar(flode: HtmlFlode, refererade: Map<number, number>): Int32Array {
  const index = new Int32Array(flode.tecken.length + 1);
  let n = 0;
  flode.tecken.forEach((t, i) => {
    index[i] = n;
    if (!frammande(t, refererade)) n++;
  });
  index[flode.tecken.length] = n;
  return index;
}

/** Text the base HTML does not have: a footnote block, or (in the first print) a note at the end that goes to a page. */
function frammande(t: Tecken, refererade: Map<number, number>): boolean {
  return t.fotnotsyta !== undefined || (t.iSlutnoter && t.fotnot !== undefined && refererade.has(t.fotnot));
}

function innehallsrader(sida: Sida, flode: HtmlFlode, index: Int32Array, refererade: Map<number, number>): BasRad[] {
  return sida.rader
    .filter((rad) => !frammande(flode.tecken[rad.start], refererade))
    .map((rad) => ({ start: index[rad.start], slut: index[rad.slut], rad }));
}

/**
 * May a footnote block and a page break go after base character `snitt` (the end of line `i` of
 * `rader`)? Not inside what the template keeps whole, not after what it keeps with the next thing,
 * not leaving fewer than three lines of a paragraph on either side, and only where everything
 * before is above the line and everything after below it (not beside it in a grid).
 */
function giltigtSnitt(bas: HtmlFlode, snitt: number, rader: BasRad[], i: number): boolean {
  const { html, tecken, element } = bas;
  if (snitt <= 0) return false;
  const baslinje = rader[i].rad.baslinje;
  if (rader.slice(0, i).some((r) => r.rad.baslinje > baslinje + 1)) return false;
  if (rader.slice(i + 1).some((r) => r.rad.baslinje <= baslinje + 1)) return false;
  const o = insattningspunkt(bas, snitt);
  const oppna = element.filter((e) => e.startSlut <= o && o <= e.slut && e.slut > e.startSlut);
  const main = oppna.findIndex((e) => e.tag === 'main');
  if (main < 0) return false;
  const inre = oppna.slice(main + 1);
  const iAvsnitt = inre.some((e) => e.klasser.includes('avsnitt'));
  for (const e of inre) {
    if (OSPLITTBARA_TAGGAR.has(e.tag) || e.klasser.some((k) => OSPLITTBARA_KLASSER.includes(k))) return false;
    if (iAvsnitt && e.klasser.includes('synpunkt')) return false;
  }
  const fore = tecken[snitt - 1].efter;
  for (const e of element) {
    if (
      e.slut >= fore &&
      e.slut < o &&
      (HALLS_MED_NASTA.has(e.tag) || e.klasser.some((k) => HALLS_MED_NASTA_KLASSER.includes(k)))
    )
      return false;
  }
  const efter = snitt < tecken.length ? tecken[snitt].offset : html.length;
  for (const e of element) {
    if (e.start >= o && e.start < efter && e.klasser.some((k) => HALLS_MED_FOREGAENDE_KLASSER.includes(k)))
      return false;
  }
  // Inside a paragraph: orphans and widows.
  const stycke = tecken[snitt - 1].block;
  if (snitt < tecken.length && tecken[snitt].block === stycke) {
    const avStycket = (r: BasRad) => tecken[r.slut - 1].block === stycke || tecken[r.start].block === stycke;
    const fore = rader.slice(0, i + 1).filter(avStycket).length;
    const efterPaSidan = rader.slice(i + 1).filter(avStycket).length;
    const sidslut = rader[rader.length - 1].slut;
    const fortsatter = sidslut < tecken.length && tecken[sidslut].offset < stycke.slut;
    if (fore < MINSTA_RADER) return false;
    if (!fortsatter && efterPaSidan < MINSTA_RADER) return false;
  }
  return true;
}

/** Where a block after base character `snitt` goes in the HTML: after the end tags that follow it, never past `</main>`. */
function insattningspunkt(bas: HtmlFlode, snitt: number): number {
  const { html } = bas;
  let o = bas.tecken[snitt - 1].efter;
  for (;;) {
    if (/\s/.test(html[o] ?? '')) o++;
    else if (html.startsWith('</', o) && !html.startsWith('</main', o) && !html.startsWith('</body', o))
      o = html.indexOf('>', o) + 1;
    else return o;
  }
}

function medKlass(tagg: string, klass: string): string {
  const match = /\sclass="([^"]*)"/.exec(tagg);
  if (match) return tagg.replace(match[0], ` class="${match[1]} ${klass}"`);
  return tagg.replace(/\s*\/?>$/, (slut) => ` class="${klass}"${slut}`);
}

/**
 * The base HTML with a footnote block at each place of the plan: the elements open there (a
 * paragraph, its synpunkt) are closed before the block and opened again after it, the way a
 * browser splits a box across a page break, so the text reads on unchanged on the next page.
 */
export function medFotnotsytor(bas: HtmlFlode, plan: Plats[], fotnotsHtml: Map<number, string>): string {
  const { html, element, tecken } = bas;
  const ordnad = [...plan].sort((a, b) => a.snitt - b.snitt);
  const klasser = new Map<Element, Set<string>>();
  const lagg = (e: Element, klass: string) => {
    let k = klasser.get(e);
    if (!k) klasser.set(e, (k = new Set()));
    k.add(klass);
  };
  const delningar = ordnad.map((plats) => {
    const o = insattningspunkt(bas, plats.snitt);
    const oppna = element.filter((e) => e.startSlut <= o && o <= e.slut && e.slut > e.startSlut);
    const inre = oppna.slice(oppna.findIndex((e) => e.tag === 'main') + 1);
    const fore = tecken[plats.snitt - 1].efter;
    const efter = plats.snitt < tecken.length ? tecken[plats.snitt].offset : html.length;
    for (const e of element) {
      if (e.slut >= fore && e.slut < o) lagg(e, 'fore-fotnoter');
      if (e.start >= o && e.start < efter) lagg(e, 'sidborjan');
    }
    for (const e of inre) lagg(e, 'delad');
    return { plats, o, inre, sist: plats.snitt >= tecken.length };
  });
  // How many times each element is split so far, so a middle part is both continued and split again.
  const delningarAv = new Map<Element, number>();
  for (const d of delningar) for (const e of d.inre) delningarAv.set(e, (delningarAv.get(e) ?? 0) + 1);
  const sett = new Map<Element, number>();

  const ersattningar: { start: number; slut: number; text: string }[] = [];
  for (const [e, k] of klasser) {
    let tagg = html.slice(e.start, e.startSlut);
    for (const klass of k) tagg = medKlass(tagg, klass);
    ersattningar.push({ start: e.start, slut: e.startSlut, text: tagg });
  }
  for (const { plats, o, inre, sist } of delningar) {
    const stang = [...inre].reverse().map((e) => `</${e.tag}>`);
    const oppna = inre.map((e) => {
      const n = (sett.get(e) ?? 0) + 1;
      sett.set(e, n);
      let tagg = html.slice(e.start, e.startSlut).replace(/\sid="[^"]*"/, '');
      tagg = medKlass(tagg, 'fortsatt');
      if (n < delningarAv.get(e)!) tagg = medKlass(tagg, 'delad');
      return tagg;
    });
    const block =
      plats.fotnoter.length === 0
        ? `<div class="fotnotsbrytning" data-sida="${plats.sida}"></div>`
        : `<div class="fotnotsyta${sist ? '' : ' sidslut'}" data-sida="${plats.sida}" role="note" aria-label="Fotnoter" style="margin-top: ${plats.luft.toFixed(2)}pt">${plats.fotnoter.map((n) => fotnotsHtml.get(n)!).join('')}</div>`;
    ersattningar.push({ start: o, slut: o, text: `${stang.join('')}${block}${oppna.join('')}` });
  }
  ersattningar.sort((a, b) => b.start - a.start || b.slut - a.slut);
  let ut = html;
  for (const e of ersattningar) ut = ut.slice(0, e.start) + e.text + ut.slice(e.slut);
  return ut;
}
