import { addDays, Datum, deadlineEnd } from '@app/core';
import { ExternAtkomst } from '@app/database';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * A fresh personal link for an external remissinstans' reminder: only the token's SHA-256 is
 * stored, so the invitation's link cannot be shown again. Same form as the workflow's links
 * (libs/remiss/src/extern): base64url token, `/api/extern/<token>`, valid until svarsdatum + 30 days.
 */
export async function nyExternLank(manager: EntityManager, plattformsUrl: string, organisationId: string, remissinstansId: string, svarsdatum: Datum): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await manager.insert(ExternAtkomst, {
    organisationId,
    remissinstansId,
    tokenHash: createHash('sha256').update(token, 'utf8').digest(),
    giltigTill: deadlineEnd(addDays(svarsdatum, 30)),
  });
  return `${plattformsUrl}/api/extern/${token}`;
}
