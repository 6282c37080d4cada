import { addDays, Datum, deadlineEnd } from '@app/core';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface LankFor {
  organisationId: string;
  remissinstansId: string;
  svarsdatum: Datum;
}

/**
 * Fresh personal links for external remissinstanser' reminders, in one statement: only a token's
 * SHA-256 is stored, so the invitation's link cannot be shown again. Same form as the workflow's
 * links (libs/remiss/src/extern): base64url token, `/api/extern/<token>`, valid until svarsdatum + 30 days.
 */
export async function nyaExternLankar(manager: EntityManager, plattformsUrl: string, lankar: LankFor[]): Promise<string[]> {
  if (!lankar.length) return [];
  const tokens = lankar.map(() => randomBytes(32).toString('base64url'));
  // Links made together mostly share a svarsdatum: its end in Stockholm time is worked out once.
  const slut = new Map<Datum, Date>();
  const giltigTill = (svarsdatum: Datum): Date => {
    let d = slut.get(svarsdatum);
    if (!d) slut.set(svarsdatum, (d = deadlineEnd(addDays(svarsdatum, 30))));
    return d;
  };
  await manager.query(
    `INSERT INTO extern_atkomst (organisation_id, remissinstans_id, token_hash, giltig_till) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::timestamptz[])`,
    [
      lankar.map((l) => l.organisationId),
      lankar.map((l) => l.remissinstansId),
      tokens.map((t) => createHash('sha256').update(t, 'utf8').digest()),
      lankar.map((l) => giltigTill(l.svarsdatum)),
    ],
  );
  return tokens.map((t) => `${plattformsUrl}/api/extern/${t}`);
}
