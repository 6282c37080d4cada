import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { Datum, notFound } from '@app/core';
import {
  Enhet,
  FORSENAD_SQL,
  Organisation,
  preparedRead,
  Remiss,
  Remisshandling,
  RemisshandlingSida,
  Remissinstans,
  RemissinstansStatus,
  RemissvarStallning,
} from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

export interface InstansStatus {
  id: string;
  namn: string;
  typ: 'enhet' | 'extern';
  status: RemissinstansStatus;
  svarsdatum: Datum;
  anstandOrsak: string | null;
  diarienummer: string | null;
  registreradAt: Date | null;
  besvaradAt: Date | null;
  avstodAt: Date | null;
  forsenad: boolean;
  /** The expedierat answer (GET /api/remissvar/:id); drafts are never shown to the sender. */
  remissvarId: string | null;
  /** The expedierat answer's position (a draft's is never shown, like the draft). */
  stallning: RemissvarStallning | null;
  /** An external instans answered with a PDF, or the sender registered one received (GET …/instanser/:id/svar.pdf). */
  externSvarsfil: boolean;
  /** The answer came by e-mail or post and the sender registered it: the day it came in. */
  svarInkomDatum: Datum | null;
  /** Closed without an answer when the remiss was avslutad. */
  stangdAt: Date | null;
}

/** An external instans' personal link: where it goes and whether the sender closed it. */
export interface ExternLank {
  remissinstansId: string;
  epost: string;
  aterkalladAt: Date | null;
}

export type RemissOversikt = Pick<
  Remiss,
  'id' | 'diarienummer' | 'arendemening' | 'status' | 'svarsdatum' | 'utskickadAt' | 'utkastMottagare'
>;

/** Pages per INSERT of remisshandling_sida: 3 parameters each, well under PostgreSQL's 65,535. */
const SIDOR_PER_INSERT = 500;

/**
 * Whether enhet `e` of organisation `o` may be a remissinstans of organisation $1: any enhet of its
 * own; of an organisation on the platform that accepts its remisser (`organisationskoppling`, the
 * receiver's consent), those that answer in their own name (not förvaltningar, which prepare a
 * nämnd's answer). The directory lists by it and every choice is checked by it.
 */
const VALBAR = `o.ansluten AND (o.id = $1 OR (e.typ <> 'forvaltning' AND EXISTS (SELECT 1 FROM organisationskoppling k
  WHERE k.avsandare_organisation_id = $1 AND k.mottagare_organisation_id = o.id)))`;

/**
 * Remisser as one caller may see them: those its organisation sent, and — once sent — those sent
 * to it. A draft (utkast) never leaves the sending organisation.
 */
@Injectable()
export class RemissRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, id: string): Promise<Remiss> {
    const remiss = await this.dataSource
      .getRepository(Remiss)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(
        `(r.organisation_id = :org OR (r.status <> 'utkast' AND EXISTS (
           SELECT 1 FROM remissinstans i WHERE i.remiss_id = r.id AND i.mottagare_organisation_id = :org)))`,
        { org: actor.organisationId },
      )
      .getOne();
    if (!remiss) throw notFound('Remiss');
    return remiss;
  }

  /**
   * A remiss of the caller's own organisation; with `lock` its row stays locked (FOR UPDATE, or
   * FOR SHARE with 'share') until the transaction ends.
   */
  async getOwn(manager: EntityManager, actor: Actor, id: string, lock: boolean | 'share' = false): Promise<Remiss> {
    const mode = lock === 'share' ? ('pessimistic_read' as const) : ('pessimistic_write' as const);
    const remiss = await manager.findOne(Remiss, {
      where: { id, organisationId: actor.organisationId },
      ...(lock ? { lock: { mode } } : {}),
    });
    if (!remiss) throw notFound('Remiss');
    return remiss;
  }

  /** What the status view shows of a remiss of the caller's own organisation. One plain query: this is a hot path. */
  async oversikt(actor: Actor, id: string): Promise<RemissOversikt> {
    const [remiss] = await preparedRead<RemissOversikt>(
      this.dataSource,
      `SELECT id, diarienummer, arendemening, status, to_char(svarsdatum, 'YYYY-MM-DD') AS svarsdatum, utskickad_at AS "utskickadAt", utkast_mottagare AS "utkastMottagare"
         FROM remiss WHERE id = $1 AND organisation_id = $2`,
      [id, actor.organisationId],
      'generic',
    );
    if (!remiss) throw notFound('Remiss');
    return remiss;
  }

  /** The instanser of a remiss the caller may see: all of them for the sender, its own for a recipient. */
  instanser(manager: EntityManager, actor: Actor, remiss: Remiss): Promise<Remissinstans[]> {
    const where =
      remiss.organisationId === actor.organisationId
        ? { remissId: remiss.id }
        : { remissId: remiss.id, mottagareOrganisationId: actor.organisationId };
    return manager.find(Remissinstans, { where, order: { namn: 'ASC' } });
  }

  /** The instanser of a remiss as the sender follows them, with `forsenad` derived for `idag`. One plain query: this is a hot path. */
  instansStatus(remissId: string, idag: Datum): Promise<readonly InstansStatus[]> {
    return preparedRead<InstansStatus>(
      this.dataSource,
      `SELECT i.id, i.namn, CASE WHEN i.mottagare_enhet_id IS NULL THEN 'extern' ELSE 'enhet' END AS typ, i.status,
              to_char(i.svarsdatum, 'YYYY-MM-DD') AS svarsdatum, i.anstand_orsak AS "anstandOrsak", i.mottagare_diarienummer AS diarienummer,
              i.registrerad_at AS "registreradAt", i.besvarad_at AS "besvaradAt", i.avstod_at AS "avstodAt", ${FORSENAD_SQL('i', '$2::date')} AS forsenad,
              s.id AS "remissvarId", s.stallning, i.extern_svar_fil_id IS NOT NULL AS "externSvarsfil",
              to_char(i.svar_inkom_datum, 'YYYY-MM-DD') AS "svarInkomDatum", i.stangd_at AS "stangdAt"
         FROM remissinstans i
         LEFT JOIN remissvar s ON s.remissinstans_id = i.id AND s.status = 'expedierat'
        WHERE i.remiss_id = $1 ORDER BY i.namn`,
      [remissId, idag],
      'generic',
    );
  }

  /** The personal links of a remiss' external instanser, as its status page lists them. One plain query: a hot path. */
  externaLankar(remissId: string): Promise<readonly ExternLank[]> {
    return preparedRead<ExternLank>(
      this.dataSource,
      `SELECT id AS "remissinstansId", extern_epost AS epost, lank_aterkallad_at AS "aterkalladAt"
         FROM remissinstans WHERE remiss_id = $1 AND extern_epost IS NOT NULL ORDER BY namn`,
      [remissId],
      'generic',
    );
  }

  async insert(manager: EntityManager, remiss: Partial<Remiss>): Promise<Remiss> {
    const { identifiers } = await manager.insert(Remiss, remiss);
    return manager.findOneByOrFail(Remiss, { id: identifiers[0].id as string });
  }

  /** Bumps the version with every change, so a client can tell it edited what it saw. */
  async update(manager: EntityManager, id: string, changes: Partial<Remiss>): Promise<Remiss> {
    await manager.update(Remiss, { id }, { ...changes, version: () => 'version + 1' });
    return manager.findOneByOrFail(Remiss, { id });
  }

  handlingar(manager: EntityManager, remissId: string): Promise<Remisshandling[]> {
    return manager.find(Remisshandling, { where: { remissId }, order: { ordning: 'ASC' } });
  }

  async handling(remissId: string, id: string): Promise<Remisshandling> {
    const handling = await this.dataSource.getRepository(Remisshandling).findOneBy({ id, remissId });
    if (!handling) throw notFound('Remisshandling');
    return handling;
  }

  async insertHandling(
    manager: EntityManager,
    handling: Omit<Remisshandling, 'id' | 'createdAt' | 'ordning' | 'slag' | 'avserId'> &
      Partial<Pick<Remisshandling, 'slag' | 'avserId'>>,
    sidor: string[],
  ): Promise<Remisshandling> {
    const [{ ordning }] = await manager.query(
      'SELECT COALESCE(MAX(ordning), 0) + 1 AS ordning FROM remisshandling WHERE remiss_id = $1',
      [handling.remissId],
    );
    const { identifiers } = await manager.insert(Remisshandling, { ...handling, ordning });
    const id = identifiers[0].id as string;
    // In batches: one INSERT of thousands of pages would carry more bind parameters than PostgreSQL takes.
    for (let start = 0; start < sidor.length; start += SIDOR_PER_INSERT) {
      await manager.insert(
        RemisshandlingSida,
        sidor
          .slice(start, start + SIDOR_PER_INSERT)
          .map((text, i) => ({ remisshandlingId: id, sidnummer: start + i + 1, text })),
      );
    }
    return manager.findOneByOrFail(Remisshandling, { id });
  }

  /**
   * Swaps the places of two handlingar of a remiss. Through a negative place first: `(remiss_id,
   * ordning)` is unique and checked row by row, so a direct swap would collide with itself.
   */
  async swapHandlingar(manager: EntityManager, a: Remisshandling, b: Remisshandling): Promise<void> {
    await manager.query(`UPDATE remisshandling SET ordning = -ordning WHERE id IN ($1, $2)`, [a.id, b.id]);
    await manager.query(`UPDATE remisshandling SET ordning = $2 WHERE id = $1`, [a.id, b.ordning]);
    await manager.query(`UPDATE remisshandling SET ordning = $2 WHERE id = $1`, [b.id, a.ordning]);
  }

  async deleteHandling(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Remisshandling, { id });
  }

  /**
   * Enheter of organisations on the platform (`ansluten`), whoever sends: what a draft's recipients
   * are named by. Whether the sender may choose them is `valbaraEnheter`.
   */
  async mottagareEnheter(manager: EntityManager, ids: string[]): Promise<(Enhet & { organisation: Organisation })[]> {
    if (ids.length === 0) return [];
    const enheter = await manager.createQueryBuilder(Enhet, 'e').where('e.id IN (:...ids)', { ids }).getMany();
    if (enheter.length === 0) return [];
    const organisationer = await manager
      .createQueryBuilder(Organisation, 'o')
      .where('o.id IN (:...ids)', { ids: [...new Set(enheter.map((e) => e.organisationId))] })
      .andWhere('o.ansluten')
      .getMany();
    const byId = new Map(organisationer.map((o) => [o.id, o]));
    return enheter
      .filter((e) => byId.has(e.organisationId))
      .map((e) => Object.assign(e, { organisation: byId.get(e.organisationId)! }));
  }

  /**
   * Of `organisationIds`, those `avsandareId` may send remisser to: itself, and every organisation
   * whose admin accepts its remisser (`organisationskoppling`, the receiver's consent).
   */
  async kopplade(manager: EntityManager, avsandareId: string, organisationIds: string[]): Promise<Set<string>> {
    const andra = [...new Set(organisationIds)].filter((id) => id !== avsandareId);
    const rader: { id: string }[] = andra.length
      ? await manager.query(
          `SELECT mottagare_organisation_id AS id FROM organisationskoppling
            WHERE avsandare_organisation_id = $1 AND mottagare_organisation_id = ANY($2::uuid[])`,
          [avsandareId, andra],
        )
      : [];
    return new Set([avsandareId, ...rader.map((r) => r.id)]);
  }

  /**
   * Of `ids`, the enheter `organisationId` may choose as remissinstanser, by the directory's rule
   * (`valbaraMottagare`): any of its own; of an organisation that accepts its remisser, those that
   * answer in their own name. The rest are left out, as ids that do not exist: a refused caller
   * learns nothing about another organisation's enheter.
   */
  async valbaraEnheter(
    manager: EntityManager,
    organisationId: string,
    ids: string[],
  ): Promise<(Enhet & { organisation: Organisation })[]> {
    if (ids.length === 0) return [];
    const valbara: { id: string }[] = await manager.query(
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE e.id = ANY($2::uuid[]) AND ${VALBAR}`,
      [organisationId, ids],
    );
    return this.mottagareEnheter(
      manager,
      valbara.map((e) => e.id),
    );
  }

  /** The sending organisation and enhet, for letterheads and mails. */
  async avsandare(manager: EntityManager, remiss: Remiss): Promise<{ organisation: Organisation; enhet: Enhet }> {
    const [organisation, enhet] = await Promise.all([
      manager.findOneByOrFail(Organisation, { id: remiss.organisationId }),
      manager.findOneByOrFail(Enhet, { id: remiss.avsandareEnhetId }),
    ]);
    return { organisation, enhet };
  }

  /**
   * The directory for choosing recipients. Of the caller's own organisation, every enhet with its
   * type and funktionsbrevlåda; of the organisations that accept its remisser (`organisationskoppling`),
   * only the enheter that answer remisser in their own name (not förvaltningar, which prepare a
   * nämnd's answer), and of them only organisation and names: their addresses and inner structure
   * are theirs to show, and mail to them goes through the platform anyway.
   */
  async valbaraMottagare(actor: Actor): Promise<Remissmottagare[]> {
    const rows: (Remissmottagare & { egen: boolean; typ: string; funktionsbrevlada: string | null })[] =
      await this.dataSource.query(
        `SELECT o.id AS "organisationId", o.namn AS organisation, e.id AS "enhetId", e.namn AS enhet, e.kortnamn, e.typ, e.funktionsbrevlada, o.id = $1 AS egen
         FROM enhet e JOIN organisation o ON o.id = e.organisation_id
        WHERE ${VALBAR}
        ORDER BY o.namn, e.namn`,
        [actor.organisationId],
      );
    return rows.map(({ egen, typ, funktionsbrevlada, ...mottagare }) =>
      egen ? { ...mottagare, typ, funktionsbrevlada } : mottagare,
    );
  }
}

/** A row of the recipient directory; `typ` and `funktionsbrevlada` only for the caller's own organisation. */
export interface Remissmottagare {
  organisationId: string;
  organisation: string;
  enhetId: string;
  enhet: string;
  kortnamn: string;
  typ?: string;
  funktionsbrevlada?: string | null;
}
