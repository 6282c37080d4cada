// The bench data of bench:api and bench:web: 5,000 remisser × 12 instanser of Enköping (half
// answered, a remissvar draft for every instans under beredning) and the simulated users' sessions.
import { sql } from '@app/database/testing/test-infrastructure';
import { randomBytes } from 'node:crypto';

export const REMISSER = 5000;

/** Six more enheter so every remiss can go to 11 enheter of Enköping plus one external party. */
const EXTRA_ENHETER = [
  'Valnämnden',
  'Överförmyndarnämnden',
  'Miljönämnden',
  'Räddningsnämnden',
  'Revisionen',
  'Krisledningsnämnden',
];

/** Bulk SQL: one statement per table, generate_series for the rows. */
export async function seed(url: string): Promise<void> {
  const [org] = await sql(url, `SELECT id FROM organisation WHERE slug = 'enkoping'`);
  await sql(
    url,
    `INSERT INTO enhet (organisation_id, namn, kortnamn, typ, funktionsbrevlada) SELECT $1, n, 'B' || i, 'namnd', 'b' || i || '@enkoping.se' FROM unnest($2::text[]) WITH ORDINALITY AS t(n, i)`,
    [org.id, EXTRA_ENHETER],
  );
  await sql(
    url,
    `INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, missiv, svarsdatum, status, utskickad_at, kontaktperson_namn, kontaktperson_epost)
     SELECT $1, (SELECT id FROM enhet WHERE organisation_id = $1 AND kortnamn = 'KS'), 'KS2024/' || g,
            (ARRAY['Förslag till policy för digital omställning', 'Översiktsplan för landsbygden', 'Riktlinjer för bidrag till föreningar',
                   'Plan för klimatanpassning', 'Program för trygghet och säkerhet', 'Strategi för kompetensförsörjning',
                   'Taxa för offentlig kontroll', 'Reglemente för nämnderna', 'Avfallsplan', 'Bostadsförsörjningsprogram'])[1 + g % 10] || ' ' || g,
            'Synpunkter önskas.', DATE '2025-01-02' + (g % 700),
            (CASE WHEN g % 50 = 0 THEN 'utkast' WHEN g % 7 = 0 THEN 'avslutad' ELSE 'utskickad' END)::remiss_status,
            CASE WHEN g % 50 = 0 THEN NULL ELSE TIMESTAMPTZ '2025-01-02' + (g % 700) * interval '1 day' - interval '30 days' END,
            'Karin Lind', 'remissansvarig@enkoping.demo'
       FROM generate_series(1, $2::int) g`,
    [org.id, REMISSER],
  );
  // 11 enheter of Enköping (not KS) + one external party per sent remiss; every other instans answered.
  await sql(
    url,
    `INSERT INTO remissinstans (organisation_id, remiss_id, namn, mottagare_organisation_id, mottagare_enhet_id, status, svarsdatum, besvarad_at, mottagare_diarienummer)
     SELECT $1, r.id, e.namn, $1, e.id,
            (CASE WHEN (row_number() OVER ()) % 2 = 0 THEN 'besvarad' ELSE (ARRAY['inbjuden', 'registrerad', 'under_beredning'])[1 + (row_number() OVER ()) % 3] END)::remissinstans_status,
            r.svarsdatum, CASE WHEN (row_number() OVER ()) % 2 = 0 THEN r.svarsdatum - 3 END,
            CASE WHEN (row_number() OVER ()) % 3 <> 1 THEN e.kortnamn || '2025/' || (row_number() OVER ()) END
       FROM remiss r CROSS JOIN enhet e
      WHERE r.organisation_id = $1 AND r.status <> 'utkast' AND r.diarienummer LIKE 'KS2024/%' AND e.organisation_id = $1 AND e.kortnamn <> 'KS'`,
    [org.id],
  );
  await sql(
    url,
    `INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, status, svarsdatum)
     SELECT $1, r.id, 'Region Uppsala', 'registrator@regionuppsala.se', 'inbjuden', r.svarsdatum FROM remiss r
      WHERE r.organisation_id = $1 AND r.status <> 'utkast' AND r.diarienummer LIKE 'KS2024/%'`,
    [org.id],
  );
  // The nämnder's drafts: a remissvar utkast for every instans under beredning (a few per remiss).
  await sql(
    url,
    `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, inledning)
     SELECT i.mottagare_organisation_id, i.mottagare_enhet_id, i.id, 'utkast', 'Svar på remiss', 'Nämnden har tagit del av förslaget.'
       FROM remissinstans i WHERE i.organisation_id = $1 AND i.status = 'under_beredning'`,
    [org.id],
  );
  // A live database is kept vacuumed by autovacuum; right after a bulk load the visibility map is
  // empty and every index-only scan would visit the heap, which no user ever sees.
  await sql(url, 'VACUUM ANALYZE');
}

/** Words people search for: parts of ärendemeningar and of diarienummer (the sender's and the nämnder's own). */
export const SOKORD = [
  'plan',
  'policy',
  'klimat',
  'förening',
  'trygghet',
  'Taxa',
  'reglemente',
  'avfall',
  'bostad',
  'KS2024/12',
  'UN2025',
  '2024/4711',
  'xyz',
];

export interface Anvandare {
  token: string;
  enhet?: string;
}

/**
 * One user and session per simulated person: `antal` with `roll` at the given enheter in turn. The
 * sessions are written as login would write them (SHA-256 of the cookie's token), without 100 argon2
 * logins through the login rate limit.
 */
export async function anvandare(url: string, roll: string, enheter: string[], antal: number): Promise<Anvandare[]> {
  const users = Array.from({ length: antal }, (_, k) => ({
    token: randomBytes(32).toString('base64url'),
    enhet: enheter[k % enheter.length],
    epost: `bench-${roll}-${k}@enkoping.demo`,
  }));
  await sql(
    url,
    `WITH u AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(epost, enhet, token)),
          a AS (INSERT INTO anvandare (organisation_id, epost, namn, losenord_hash)
                SELECT e.organisation_id, u.epost, 'Bänk ' || u.epost, 'inget' FROM u JOIN enhet e ON e.id = u.enhet RETURNING id, epost),
          r AS (INSERT INTO anvandarroll (anvandare_id, enhet_id, roll) SELECT a.id, u.enhet, $4::roll FROM a JOIN u USING (epost))
     INSERT INTO session (token_hash, anvandare_id, csrf_token, expires_at)
     SELECT sha256(convert_to(u.token, 'UTF8')), a.id, md5(u.token), now() + interval '1 day' FROM a JOIN u USING (epost)`,
    [users.map((u) => u.epost), users.map((u) => u.enhet), users.map((u) => u.token), roll],
  );
  return users.map(({ token, enhet }) => ({ token, enhet }));
}
