import { Actor } from '@app/auth';
import { Atgard, DomainError, forbidden } from '@app/core';
import { Remiss, Roll } from '@app/database';

/** Who may do what at the answering enhet. Reading needs any role there. */
export const SKRIVA: Roll[] = ['namndsekreterare', 'handlaggare'];
export const BESLUTA: Roll[] = ['namndsekreterare'];
export const REGISTRERA: Roll[] = ['namndsekreterare', 'registrator'];
/** The nämnd's working pages (inkorg, the instans as received): those who prepare answers at the chosen enhet. */
export const INKORG_SIDOR: Roll[] = ['namndsekreterare', 'handlaggare'];
/**
 * Drafts, the revision history and previews hold draft text: only for those who prepare or decide at
 * the enhet, also after expediering. Not the registrator: it keeps the diarium, which holds handlingar
 * and sent answers, and a draft read outside the nämnd's preparation counts as sent (DESIGN.md §4).
 */
export const LASA_UTKAST: Roll[] = ['namndsekreterare', 'handlaggare', 'admin', 'remissansvarig'];

/** 403 unless the caller holds one of `roller` at the enhet (the caller has already been shown the row). */
export function requireRoll(actor: Actor, enhetId: string | null, roller: Roll[], vad: string): void {
  if (!enhetId || !actor.hasRoleAt(enhetId, ...roller))
    throw forbidden(`${vad} needs the role ${roller.join(' or ')} at the answering enhet`);
}

/** An återkallad or avslutad remiss freezes every answer to it: 409 naming the remiss' state. */
export function requireOppenRemiss(remiss: Remiss, atgard: Atgard): void {
  if (remiss.status === 'utskickad') return;
  throw new DomainError('REMISS_CLOSED', { status: remiss.status, atgard });
}
