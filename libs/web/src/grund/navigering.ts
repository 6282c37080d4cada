import type { ArbetsplatsEnhet } from '@app/auth';

type Roll = ArbetsplatsEnhet['roller'][number];

/** A link of govuk-frontend's service navigation: `active` within its section, `current` on its own page. */
export interface Navigeringslank {
  text: string;
  href: string;
  active: boolean;
  current: boolean;
}

/** The sections of the service by role at the chosen enhet; each section appears once its pages exist. */
const AVSNITT: { text: string; href: string; roller: Roll[] }[] = [
  { text: 'Inkorg', href: '/inkorg', roller: ['namndsekreterare', 'handlaggare'] },
  { text: 'Administration', href: '/admin', roller: ['admin'] },
];

export function navigering(enhet: ArbetsplatsEnhet | undefined, sokvag: string): Navigeringslank[] {
  if (!enhet) return [];
  return AVSNITT.filter((a) => a.roller.some((r) => enhet.roller.includes(r))).map(({ text, href }) => ({
    text,
    href,
    active: sokvag === href || sokvag.startsWith(`${href}/`),
    current: sokvag === href,
  }));
}
