import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Brevhuvud } from '../dokument';
import { SidVy } from '../vy/sida-vy';
import { Kommun, lasKommun } from './kommun';
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
 * The Handlebars templates of templates/: documents, their shared partials, and one letterhead
 * per kommun folder. Everything a template prints goes through Handlebars' HTML escaping; the
 * only unescaped value is the font CSS built here.
 */
export class Mallar {
  private readonly hb = Handlebars.create();
  private readonly dokument = new Map<Dokumentmall, Handlebars.TemplateDelegate>();
  private readonly kommuner = new Map<string, Kommun>();

  constructor(private readonly katalog: string) {
    const typsnitt = new Handlebars.SafeString(typsnittCss());
    this.hb.registerHelper('typsnitt', () => typsnitt);
    this.hb.registerHelper('cssText', (value: unknown) => cssText(value));
    const partialer = join(katalog, 'dokument', 'partials');
    for (const fil of readdirSync(partialer).filter((f) => f.endsWith('.hbs'))) {
      this.hb.registerPartial(basename(fil, '.hbs'), readFileSync(join(partialer, fil), 'utf8'));
    }
    for (const mall of DOKUMENTMALLAR) {
      const kalla = readFileSync(join(katalog, 'dokument', `${mall}.hbs`), 'utf8');
      this.dokument.set(mall, this.hb.compile(kalla, { strict: false, preventIndent: true }));
    }
  }

  /** The final HTML of a document: its view plus the kommun's letterhead. */
  html<V extends { sida: SidVy }>(mall: Dokumentmall, brevhuvud: Brevhuvud, vy: V): string {
    const kommun = this.kommun(brevhuvud.kommun);
    return this.dokument.get(mall)!({
      ...vy,
      sida: {
        ...vy.sida,
        kommun,
        enhet: brevhuvud.enhet,
        forvaltning: brevhuvud.forvaltning,
        brevhuvudPartial: `kommun/${kommun.slug}`,
      },
    });
  }

  /** Kommun folders are read on first use, so a new folder needs no code change. */
  kommun(slug: string): Kommun {
    let kommun = this.kommuner.get(slug);
    if (!kommun) {
      kommun = lasKommun(join(this.katalog, 'kommuner'), slug);
      this.hb.registerPartial(`kommun/${slug}`, kommun.brevhuvud);
      this.kommuner.set(slug, kommun);
    }
    return kommun;
  }
}
