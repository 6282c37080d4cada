import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BrevhuvudUppgifter } from '../dokument';

const farg = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a5c8e');

/**
 * templates/kommuner/<slug>/kommun.json: what a letterhead says about its kommun or region. Colours
 * are checked because they are written into the page's CSS. `etiketter` are the words its documents
 * put before the dnr: Enköping writes "Ärendenummer", a region "Diarienummer".
 */
export const kommunSchema = z.object({
  namn: z.string().min(1),
  besoksadress: z.string().min(1),
  postadress: z.string().min(1),
  telefon: z.string().min(1),
  epost: z.string().min(1),
  webb: z.string().min(1),
  organisationsnummer: z.string().regex(/^\d{6}-\d{4}$/, 'must look like 212000-0274'),
  farger: z.object({ primar: farg, accent: farg }),
  etiketter: z
    .object({
      /** Before the document's own dnr. */
      vartDnr: z.string().min(1).default('Vårt dnr'),
      /** Before the dnr of the one it answers. */
      ertDnr: z.string().min(1).default('Ert dnr'),
    })
    .prefault({}),
});

export type Kommun = z.output<typeof kommunSchema> & {
  slug: string;
  /** emblem.svg as a data: URL, the only kind of URL a document may load. */
  emblem: string;
  /** The kommun's brevhuvud.hbs source. */
  brevhuvud: string;
};

const SLUG = /^[a-z0-9-]+$/;
const EMBLEM = /^data:image\/(svg\+xml|png);base64,[A-Za-z0-9+/=]*$/;

/**
 * The database's fields as a document takes them: kommun.json's, except that only the name must be there. A
 * new organisation's letterhead is its organisation row until its admin saves one, without telephone, web,
 * visiting address or emblem.
 */
const uppgifterSchema = kommunSchema.extend({
  besoksadress: z.string(),
  postadress: z.string(),
  telefon: z.string(),
  epost: z.string(),
  webb: z.string(),
  organisationsnummer: kommunSchema.shape.organisationsnummer.or(z.literal('')),
});

/** The colours of a letterhead nobody has designed yet (a new organisation, an external party): greys. */
export const ALLMANNA_FARGER = { primar: '#3b3b3b', accent: '#6b6b6b' };

/**
 * The letterhead a document prints: its organisation's folder (layout and defaults) with the fields from
 * the database in place of kommun.json's; an organisation without a folder (one onboarded without files)
 * prints the database's fields in the general layout (`partials/allmant-brevhuvud.hbs`, `brevhuvud` empty).
 * The fields are checked again here, because colours are written into the page's CSS and the emblem into
 * an img src: a bad row fails the document rather than reaching Chromium.
 */
export function kommunFor(mapp: Kommun | undefined, slug: string, uppgifter: BrevhuvudUppgifter | undefined): Kommun {
  if (!uppgifter) {
    if (mapp) return mapp;
    throw new Error(`Organisation "${slug}" has neither a letterhead folder nor letterhead fields`);
  }
  const parsed = uppgifterSchema.safeParse(uppgifter);
  if (!parsed.success || !(uppgifter.emblem === '' || EMBLEM.test(uppgifter.emblem))) {
    const issue = parsed.success ? { path: ['emblem'], message: 'must be a data: URL' } : parsed.error.issues[0];
    throw new Error(`Letterhead of organisation "${slug}" in the database: ${issue.path.join('.')} ${issue.message}`);
  }
  return { ...parsed.data, slug, emblem: uppgifter.emblem, brevhuvud: mapp?.brevhuvud ?? '' };
}

/** The three columns of the footer, each without the lines its organisation has not filled in. */
export function sidfot(kommun: Kommun): { vanster: string[]; mitten: string[]; hoger: string[] } {
  const orgnr = `Org.nr ${kommun.organisationsnummer}`;
  return {
    vanster: kommun.postadress ? ['Postadress', kommun.namn, kommun.postadress] : [kommun.namn],
    mitten: kommun.besoksadress ? ['Besöksadress', kommun.besoksadress, orgnr] : [orgnr],
    hoger: [kommun.telefon && `Telefon ${kommun.telefon}`, kommun.epost, kommun.webb].filter((r) => r !== ''),
  };
}

/** The organisation's letterhead folder, or undefined when it has none (an organisation onboarded without files). */
export function findKommun(kommunerKatalog: string, slug: string): Kommun | undefined {
  if (SLUG.test(slug) && !existsSync(join(kommunerKatalog, slug))) return undefined;
  return loadKommun(kommunerKatalog, slug);
}

export function loadKommun(kommunerKatalog: string, slug: string): Kommun {
  if (!SLUG.test(slug)) throw new Error(`Unknown kommun "${slug}": a letterhead folder name has only a-z, 0-9 and -`);
  const katalog = join(kommunerKatalog, slug);
  if (!existsSync(katalog)) throw new Error(`Unknown kommun "${slug}": there is no letterhead folder ${katalog}`);
  const readPart = (fil: string) => {
    try {
      return readFileSync(join(katalog, fil));
    } catch {
      throw new Error(`Letterhead of kommun "${slug}" is incomplete: ${join(katalog, fil)} cannot be read`);
    }
  };
  const parsed = kommunSchema.safeParse(JSON.parse(readPart('kommun.json').toString('utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${join(katalog, 'kommun.json')}: ${issue.path.join('.')} ${issue.message}`);
  }
  return {
    ...parsed.data,
    slug,
    emblem: `data:image/svg+xml;base64,${readPart('emblem.svg').toString('base64')}`,
    brevhuvud: readPart('brevhuvud.hbs').toString('utf8'),
  };
}
