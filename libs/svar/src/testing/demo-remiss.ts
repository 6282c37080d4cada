import { sql } from '@app/database/testing/test-infrastructure';
import { POLICY_SIDOR, POLICY_TITEL } from './policy-fixture';

export interface DemoRemiss {
  remissId: string;
  remisshandlingId: string;
  /** Instans id per enhet kortnamn (UN, SN, TN, KFN, BMN). */
  instanser: Record<string, string>;
  enheter: Record<string, string>;
}

/** The demo remiss KS2025/118 with the policy attached as a remisshandling and its page texts. */
export async function demoRemissMedHandling(url: string): Promise<DemoRemiss> {
  const [remiss] = await sql(url, `SELECT id, organisation_id FROM remiss WHERE diarienummer = 'KS2025/118'`);
  const [fil] = await sql(
    url,
    `INSERT INTO fil (organisation_id, filnamn, mimetyp, storlek, sha256, data) VALUES ($1, 'policy.pdf', 'application/pdf', 4, repeat('0', 64), '\\x25504446') RETURNING id`,
    [remiss.organisation_id],
  );
  const [handling] = await sql(
    url,
    `INSERT INTO remisshandling (organisation_id, remiss_id, titel, fil_id, sidantal, ordning) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
    [remiss.organisation_id, remiss.id, POLICY_TITEL, fil.id, POLICY_SIDOR.length],
  );
  for (const [i, text] of POLICY_SIDOR.entries())
    await sql(url, `INSERT INTO remisshandling_sida (remisshandling_id, sidnummer, text) VALUES ($1, $2, $3)`, [
      handling.id,
      i + 1,
      text,
    ]);
  const rows = await sql(
    url,
    `SELECT i.id, e.kortnamn, e.id AS enhet_id FROM remissinstans i JOIN enhet e ON e.id = i.mottagare_enhet_id WHERE i.remiss_id = $1`,
    [remiss.id],
  );
  const enheter = await sql(
    url,
    `SELECT e.id, e.kortnamn FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'enkoping'`,
  );
  return {
    remissId: remiss.id,
    remisshandlingId: handling.id,
    instanser: Object.fromEntries(rows.map((r) => [r.kortnamn, r.id])),
    enheter: Object.fromEntries(enheter.map((e) => [e.kortnamn, e.id])),
  };
}
