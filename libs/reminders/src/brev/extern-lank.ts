import { addDays, Datum, deadlineEnd } from '@app/core';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface LankFor {
  organisationId: string;
  remissinstansId: string;
  svarsdatum: Datum;
  /** The address the reminder goes to, as the compose query read it. */
  epost: string;
}

/**
 * Fresh personal links for external remissinstanser' reminders, in one statement: only a token's
 * SHA-256 is stored, so the invitation's link cannot be shown again. Same form as the workflow's
 * links (libs/remiss/src/extern): base64url token, `/api/extern/<token>`, valid until svarsdatum + 30 days.
 *
 * An instans whose link the sender revoked, or whose address the sender corrected since the reminder
 * was composed, gets none (null in its place). The statement locks the instans rows (FOR SHARE) and
 * PostgreSQL re-reads a row that a revocation or re-issue is changing once that commits, so no link
 * minted here outlives a revocation or goes to a replaced address: either the sender's change came
 * first and nothing is inserted, or the link was inserted first and the change revokes it.
 */
export async function nyaExternLankar(
  manager: EntityManager,
  plattformsUrl: string,
  lankar: LankFor[],
): Promise<(string | null)[]> {
  if (!lankar.length) return [];
  const tokens = lankar.map(() => randomBytes(32).toString('base64url'));
  const hashar = tokens.map((t) => createHash('sha256').update(t, 'utf8').digest());
  // Links made together mostly share a svarsdatum: its end in Stockholm time is worked out once.
  const slut = new Map<Datum, Date>();
  const giltigTill = (svarsdatum: Datum): Date => {
    let d = slut.get(svarsdatum);
    if (!d) slut.set(svarsdatum, (d = deadlineEnd(addDays(svarsdatum, 30))));
    return d;
  };
  const rader: { token_hash: Buffer }[] = await manager.query(
    `INSERT INTO extern_atkomst (organisation_id, remissinstans_id, token_hash, giltig_till)
     SELECT l.organisation_id, l.remissinstans_id, l.token_hash, l.giltig_till
       FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::timestamptz[], $5::text[]) AS l(organisation_id, remissinstans_id, token_hash, giltig_till, epost)
       JOIN remissinstans i ON i.id = l.remissinstans_id
      WHERE i.lank_aterkallad_at IS NULL AND lower(i.extern_epost) = l.epost
        FOR SHARE OF i
     RETURNING token_hash`,
    [
      lankar.map((l) => l.organisationId),
      lankar.map((l) => l.remissinstansId),
      hashar,
      lankar.map((l) => giltigTill(l.svarsdatum)),
      lankar.map((l) => l.epost.toLowerCase()),
    ],
  );
  const sparade = new Set(rader.map((r) => r.token_hash.toString('hex')));
  return tokens.map((t, i) => (sparade.has(hashar[i].toString('hex')) ? `${plattformsUrl}/api/extern/${t}` : null));
}
