import { invalidField } from '@app/core';
import { EntityManager } from 'typeorm';

/** The format of a diarium the platform opens for an enhet (`RS 2026/0001`); the admin may change it on /admin/diarier. */
const EGET_DIARIEFORMAT = '{prefix} {year}/{seq:4}';

/** A new enhet's diarium: one of its own, or the id of one the organisation already keeps. */
export type DiariumVal = 'eget' | string;

/** The diarium an enhet was given. */
export interface EnhetensDiarium {
  id: string;
  namn: string;
  prefix: string;
  format: string;
}

/** A kortnamn as a diarium's prefix (1–10 capitals or digits): "Kfn-2" numbers as "KFN2". */
const prefixFor = (kortnamn: string) =>
  kortnamn
    .toUpperCase()
    .replace(/[^A-ZÅÄÖ0-9]/g, '')
    .slice(0, 10);

/**
 * Sets a new enhet's diarium, in the caller's transaction, so the enhet can register and send at once:
 * a diarium of its own ("<namn>s diarium", its kortnamn as prefix), or an existing one of the
 * organisation (one series for several enheter, as regions keep).
 */
export async function setEnhetensDiarium(
  m: EntityManager,
  organisationId: string,
  enhet: { id: string; namn: string; kortnamn: string },
  val: DiariumVal,
): Promise<EnhetensDiarium> {
  const diarium =
    val === 'eget' ? await egetDiarium(m, organisationId, enhet) : await befintligt(m, organisationId, val);
  await m.query(`UPDATE enhet SET diarium_id = $2 WHERE id = $1`, [enhet.id, diarium.id]);
  return diarium;
}

async function egetDiarium(
  m: EntityManager,
  organisationId: string,
  enhet: { namn: string; kortnamn: string },
): Promise<EnhetensDiarium> {
  const prefix = prefixFor(enhet.kortnamn);
  if (!prefix)
    throw invalidField(
      'diarium',
      'A diarium of its own needs a kortnamn with letters or digits',
      'Ett eget diarium numreras med kortnamnets bokstäver och siffror. Välj ett befintligt diarium, eller ett annat kortnamn.',
    );
  const [upptaget]: unknown[] = await m.query(`SELECT 1 FROM diarium WHERE organisation_id = $1 AND prefix = $2`, [
    organisationId,
    prefix,
  ]);
  if (upptaget)
    throw invalidField(
      'diarium',
      `The organisation already has a diarium with the prefix ${prefix}`,
      `Det finns redan ett diarium med prefixet ${prefix}. Välj det diariet, eller ett annat kortnamn.`,
    );
  const diarium = { namn: `${enhet.namn}s diarium`, prefix, format: EGET_DIARIEFORMAT };
  const [{ id }]: { id: string }[] = await m.query(
    `INSERT INTO diarium (organisation_id, namn, prefix, format) VALUES ($1, $2, $3, $4) RETURNING id`,
    [organisationId, diarium.namn, prefix, diarium.format],
  );
  return { id, ...diarium };
}

async function befintligt(m: EntityManager, organisationId: string, id: string): Promise<EnhetensDiarium> {
  const [diarium]: EnhetensDiarium[] = await m.query(
    `SELECT id, namn, prefix, format FROM diarium WHERE id = $1 AND organisation_id = $2`,
    [id, organisationId],
  );
  if (!diarium)
    throw invalidField('diarium', 'No such diarium in the organisation', 'Välj ett av organisationens diarier.');
  return diarium;
}
