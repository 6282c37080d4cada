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
  { text: 'Användare', href: '/admin/anvandare', roller: ['admin'] },
];

/** The platform operator holds no enhet role: its one section. */
const DRIFT: Navigeringslank[] = [
  { text: 'Organisationer', href: '/drift/organisationer', active: false, current: false },
];

export function navigering(enhet: ArbetsplatsEnhet | undefined, sokvag: string, operator = false): Navigeringslank[] {
  const avsnitt = operator ? DRIFT : enhet ? AVSNITT.filter((a) => a.roller.some((r) => enhet.roller.includes(r))) : [];
  return avsnitt.map(({ text, href }) => ({
    text,
    href,
    active: sokvag === href || sokvag.startsWith(`${href}/`),
    current: sokvag === href,
  }));
}
