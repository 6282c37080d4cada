import { Mall, Mallmiljo } from '@app/core';
import { join } from 'node:path';
import { Brevhuvud, NEUTRALT_BREVHUVUD } from '../dokument';
import { SIDFORMAT } from '../vy/sidformat';
import { SidVy } from '../vy/sida-vy';
import { ALLMANNA_FARGER, findKommun, Kommun, kommunFor, sidfot } from './kommun';
import { typsnittCss } from './typsnitt';

export type Dokumentmall = 'remissvar' | 'remissmissiv' | 'remissammanstallning';
const DOKUMENTMALLAR: Dokumentmall[] = ['remissvar', 'remissmissiv', 'remissammanstallning'];

/**
 * Text for a CSS string, e.g. inside `content: "…"` of a page margin box: every character but
 * letters, digits and space becomes a CSS escape, so no user text can end the string or the rule.
 */
export function cssText(value: unknown): string {
  // Six hex digits and a space: CSS consumes one space after an escape, so a real space after it survives.
  return String(value ?? '').replace(
    /[^A-Za-z0-9 ]/gu,
    (ch) => `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')} `,
  );
}

/**
 * The document templates of templates/ (in the environment all templates share, `Mallmiljo`):
 * documents, their shared partials, and one letterhead per kommun folder. Everything a template
 * prints goes through Handlebars' HTML escaping; the only unescaped value is the font CSS built here.
 */
export class Mallar {
  private readonly miljo: Mallmiljo;
  private readonly dokument = new Map<Dokumentmall, Mall>();
  private readonly kommuner = new Map<string, Kommun | undefined>();

  constructor(private readonly katalog: string) {
    this.miljo = new Mallmiljo(katalog);
    const typsnitt = this.miljo.safe(typsnittCss());
    this.miljo.helper('typsnitt', () => typsnitt);
    this.miljo.helper('cssText', (value: unknown) => cssText(value));
    this.miljo.helper('cssRader', (rader: unknown[]) => rader.map(cssText).join('\\A '));
    this.miljo.partials(join('dokument', 'partials'));
    for (const mall of DOKUMENTMALLAR) this.dokument.set(mall, this.miljo.compile(join('dokument', `${mall}.hbs`)));
  }

  /** The final HTML of a document: its view plus the kommun's letterhead. */
  html<V extends { sida: SidVy }>(mall: Dokumentmall, brevhuvud: Brevhuvud, vy: V): string {
    const neutralt = brevhuvud.kommun === NEUTRALT_BREVHUVUD;
    const mapp = neutralt ? undefined : this.mapp(brevhuvud.kommun);
    const kommun = neutralt ? neutralKommun(brevhuvud.enhet) : kommunFor(mapp, brevhuvud.kommun, brevhuvud.uppgifter);
    return this.dokument.get(mall)!({
      ...vy,
      sida: {
        ...vy.sida,
        kommun,
        // The party's name is the letterhead's name already; said once.
        enhet: neutralt ? '' : brevhuvud.enhet,
        forvaltning: brevhuvud.forvaltning,
        brevhuvudPartial: neutralt ? 'neutralt-brevhuvud' : mapp ? `kommun/${kommun.slug}` : 'allmant-brevhuvud',
        sidfot: sidfot(kommun),
        format: SIDFORMAT,
      },
    });
  }

  /**
   * An organisation's letterhead folder, read on first use, so a new folder needs no code change; undefined
   * (remembered too) for an organisation without one.
   */
  private mapp(slug: string): Kommun | undefined {
    if (this.kommuner.has(slug)) return this.kommuner.get(slug);
    const kommun = findKommun(join(this.katalog, 'kommuner'), slug);
    if (kommun) this.miljo.partial(`kommun/${slug}`, kommun.brevhuvud);
    this.kommuner.set(slug, kommun);
    return kommun;
  }
}

/**
 * The letterhead of a party the platform keeps none for (an external remissinstans): its name in
 * grey, no emblem, and no address lines in the footer (they are left out when empty).
 */
function neutralKommun(namn: string): Kommun {
  return {
    namn,
    besoksadress: '',
    postadress: '',
    telefon: '',
    epost: '',
    webb: '',
    organisationsnummer: '',
    farger: ALLMANNA_FARGER,
    etiketter: { vartDnr: 'Vårt dnr', ertDnr: 'Ert dnr' },
    slug: NEUTRALT_BREVHUVUD,
    emblem: '',
    brevhuvud: '',
  };
}
