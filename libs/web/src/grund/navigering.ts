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
  { text: 'Remisser', href: '/remisser', roller: ['remissansvarig'] },
  { text: 'Diarium', href: '/diarium', roller: ['registrator'] },
  { text: 'E-arkivexport', href: '/diarium/export', roller: ['registrator'] },
  // Users, diarier, enheter, the letterhead, reminder rules and connections: one overview (/admin).
  { text: 'Administration', href: '/admin', roller: ['admin'] },
];

/** The platform operator holds no enhet role: its one section. */
const DRIFT: { text: string; href: string }[] = [{ text: 'Organisationer', href: '/drift/organisationer' }];

export function navigering(enhet: ArbetsplatsEnhet | undefined, sokvag: string, operator = false): Navigeringslank[] {
  const avsnitt = operator ? DRIFT : enhet ? AVSNITT.filter((a) => a.roller.some((r) => enhet.roller.includes(r))) : [];
  const inom = (href: string) => sokvag === href || sokvag.startsWith(`${href}/`);
  // A section inside another (/diarium/export in /diarium) is the active one on its own pages.
  const aktiv = avsnitt.filter((a) => inom(a.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return avsnitt.map(({ text, href }) => ({ text, href, active: href === aktiv, current: sokvag === href }));
}
