import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import { Remissinstans } from '@app/database';
import { EntityManager } from 'typeorm';
import { EpostMottagare } from './remiss-epost';

/** The sender's writes to remissinstanser: creation at send, anstånd, an external answer. */
@Injectable()
export class RemissinstansRepository {
  async insert(m: EntityManager, rows: Partial<Remissinstans>[]): Promise<Remissinstans[]> {
    if (rows.length === 0) return [];
    const { identifiers } = await m.insert(Remissinstans, rows);
    return m
      .createQueryBuilder(Remissinstans, 'i')
      .where('i.id IN (:...ids)', { ids: identifiers.map((i) => i.id as string) })
      .getMany();
  }

  async get(m: EntityManager, remissId: string, id: string, lock = false): Promise<Remissinstans> {
    const instans = await m.findOne(Remissinstans, {
      where: { id, remissId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!instans) throw notFound('Remissinstans');
    return instans;
  }

  async update(m: EntityManager, id: string, changes: Partial<Remissinstans>): Promise<Remissinstans> {
    await m.update(Remissinstans, { id }, { ...changes, version: () => 'version + 1' });
    return m.findOneByOrFail(Remissinstans, { id });
  }

  /**
   * Locks the instanser of a remiss still working on it (inbjuden, registrerad, under beredning),
   * FOR UPDATE in id order: avsluta takes them before the remiss row, in the platform's lock order.
   */
  async lockOppna(m: EntityManager, remissId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND status IN ('inbjuden', 'registrerad', 'under_beredning')
        ORDER BY id FOR UPDATE`,
      [remissId],
    );
    return rows.map((r) => r.id);
  }

  /** The remiss was avslutad: its instanser still working are closed without an answer (`stangd`). */
  async close(m: EntityManager, ids: string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await m.query(
      `UPDATE remissinstans SET status = 'stangd', stangd_at = $2, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids, at],
    );
  }

  /**
   * Where mail to each instans goes: an external party's own address, else the enhet's
   * funktionsbrevlåda, else the organisation's address. Instanser without any are left out.
   */
  async adresser(m: EntityManager, remissId: string, instansIds?: string[]): Promise<EpostMottagare[]> {
    const rows: EpostMottagare[] = await m.query(
      `SELECT i.id, i.namn, COALESCE(i.extern_epost, e.funktionsbrevlada, o.epost) AS epost, to_char(i.svarsdatum, 'YYYY-MM-DD') AS svarsdatum,
              i.extern_epost IS NOT NULL AS extern
         FROM remissinstans i
         LEFT JOIN enhet e ON e.id = i.mottagare_enhet_id
         LEFT JOIN organisation o ON o.id = i.mottagare_organisation_id
        WHERE i.remiss_id = $1 AND ($2::uuid[] IS NULL OR i.id = ANY($2))
        ORDER BY i.namn`,
      [remissId, instansIds ?? null],
    );
    return rows.filter((r) => r.epost);
  }
}
