import { sql } from '@app/database/testing/test-infrastructure';

/**
 * What a half-written state change would leave behind, from the schema (libs/database/src/migrations)
 * and the workflow rules in docs/architecture.md: each query lists the ids of the rows that break one rule.
 */
export const INVARIANTS: Record<string, string> = {
  'a remiss without its ärende': `SELECT id FROM remiss WHERE arende_id IS NULL`,
  'a sent remiss without instanser': `SELECT r.id FROM remiss r WHERE r.utskickad_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM remissinstans i WHERE i.remiss_id = r.id)`,
  'a sent remiss without its missiv': `SELECT id FROM remiss WHERE utskickad_at IS NOT NULL AND missiv_fil_id IS NULL`,
  'a draft with instanser': `SELECT DISTINCT r.id FROM remiss r JOIN remissinstans i ON i.remiss_id = r.id WHERE r.status = 'utkast'`,
  'an orphan file': `SELECT f.id FROM fil f WHERE NOT EXISTS (SELECT 1 FROM handling h WHERE h.fil_id = f.id OR h.redigerbar_fil_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM remiss r WHERE r.missiv_fil_id = f.id) AND NOT EXISTS (SELECT 1 FROM remisshandling rh WHERE rh.fil_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM remissvar v WHERE v.slutlig_fil_id = f.id) AND NOT EXISTS (SELECT 1 FROM remissinstans i WHERE i.extern_svar_fil_id = f.id OR i.extern_word_fil_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM arkivhandling a WHERE a.fil_id = f.id OR a.pdfa_fil_id = f.id)`,
  'a remisshandling with pages missing': `SELECT rh.id FROM remisshandling rh WHERE rh.sidantal <> (SELECT count(*) FROM remisshandling_sida s WHERE s.remisshandling_id = rh.id)`,
  'an instans besvarad without its file': `SELECT i.id FROM remissinstans i WHERE i.status = 'besvarad' AND (i.besvarad_at IS NULL OR (i.extern_svar_fil_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM remissvar v WHERE v.remissinstans_id = i.id AND v.status = 'expedierat' AND v.slutlig_fil_id IS NOT NULL)))`,
  'an instans avstår without its date': `SELECT id FROM remissinstans WHERE status = 'avstar' AND avstod_at IS NULL`,
  'a registered nämnd without its ärende': `SELECT id FROM remissinstans WHERE mottagare_enhet_id IS NOT NULL AND status IN ('registrerad', 'under_beredning') AND mottagare_arende_id IS NULL`,
  'an ärende of a registered instans without the remiss as inkommande handling': `SELECT i.id FROM remissinstans i WHERE i.mottagare_arende_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM handling h WHERE h.arende_id = i.mottagare_arende_id AND h.riktning = 'inkommande')`,
  'an external instans of a sent remiss without a link': `SELECT i.id FROM remissinstans i WHERE i.extern_epost IS NOT NULL AND NOT EXISTS (SELECT 1 FROM extern_atkomst a WHERE a.remissinstans_id = i.id)`,
  'an expedierat remissvar without its PDF or with an open instans': `SELECT v.id FROM remissvar v JOIN remissinstans i ON i.id = v.remissinstans_id
      WHERE v.status = 'expedierat' AND (v.slutlig_fil_id IS NULL OR v.expedierad_at IS NULL OR i.status NOT IN ('besvarad', 'avstar'))`,
  // An external instans' answer (no enhet of the platform) is decided by its own order, never with a beslut here.
  'a decided answer without its beslut, or a beslut of an undecided one': `SELECT v.id FROM remissvar v WHERE v.typ = 'yttrande'
      AND (v.enhet_id IS NOT NULL AND v.status IN ('beslutat', 'expedierat')) <> EXISTS (SELECT 1 FROM beslut b WHERE b.remissvar_id = v.id)`,
  'a remissvar version without its revision': `SELECT v.id FROM remissvar v WHERE v.typ = 'yttrande'
      AND NOT EXISTS (SELECT 1 FROM remissvar_revision r WHERE r.remissvar_id = v.id AND r.version = v.version)`,
  'a remissvar whose instans is not under way': `SELECT v.id FROM remissvar v JOIN remissinstans i ON i.id = v.remissinstans_id WHERE i.status IN ('inbjuden', 'registrerad')`,
  'a reminder of an instans of a draft': `SELECT p.id FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id JOIN remiss r ON r.id = i.remiss_id WHERE r.status = 'utkast'`,
};

/** Every row breaking a rule, as `rule: id`, in one round trip. */
export async function violations(url: string): Promise<Set<string>> {
  const union = Object.entries(INVARIANTS)
    .map(([, query], i) => `SELECT ${i} AS rule, id::text AS id FROM (${query}) q${i}`)
    .join('\n UNION ALL ');
  const rules = Object.keys(INVARIANTS);
  return new Set((await sql<{ rule: number; id: string }>(url, union)).map((row) => `${rules[row.rule]}: ${row.id}`));
}
