import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { notFound } from '@app/core';
import {
  Anvandare,
  Beslut,
  Remissvar,
  RemissvarRevision,
  RemissvarStatus,
  RemissvarTyp,
  Synpunkt,
} from '@app/database';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { RemissvarInnehall, SynpunktInnehall } from './innehall/innehall';

export interface NyttRemissvar {
  organisationId: string;
  /** Null for an external instans' answer: no enhet of the platform answers, and none sees the draft. */
  enhetId: string | null;
  remissinstansId: string;
  typ: RemissvarTyp;
  /** Null when written through a personal link. */
  createdBy: string | null;
}

export interface RevisionRad {
  version: number;
  andring: string;
  createdAt: Date;
  anvandare: { id: string; namn: string } | null;
}

/**
 * Remissvar as one caller may see them. Until expediering a draft is visible only to users with a
 * role at the answering enhet (DESIGN.md §4: a shared draft can count as sent); from expediering
 * on the users of the sending enhet see it too.
 */
@Injectable()
export class RemissvarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager, actor: Actor, id: string): Promise<Remissvar> {
    const svar = await manager
      .getRepository(Remissvar)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .andWhere(
        `((s.organisation_id = :org AND s.enhet_id = ANY(:enheter))
          OR (s.status = 'expedierat' AND EXISTS (
              SELECT 1 FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id
              WHERE i.id = s.remissinstans_id AND r.organisation_id = :org AND r.avsandare_enhet_id = ANY(:enheter))))`,
        { org: actor.organisationId, enheter: actor.enheter() },
      )
      .getOne();
    if (!svar) throw notFound('Remissvar');
    return svar;
  }

  synpunkter(manager: EntityManager, svar: Remissvar): Promise<Synpunkt[]> {
    return manager.getRepository(Synpunkt).find({ where: { remissvarId: svar.id }, order: { ordning: 'ASC' } });
  }

  forInstans(manager: EntityManager, remissinstansId: string): Promise<Remissvar | null> {
    return manager.findOneBy(Remissvar, { remissinstansId });
  }

  beslut(manager: EntityManager, svar: Remissvar): Promise<Beslut | null> {
    return manager.findOneBy(Beslut, { remissvarId: svar.id });
  }

  /** Locks the row for a state change and returns it as it is now. */
  lock(manager: EntityManager, id: string): Promise<Remissvar> {
    return manager.findOneOrFail(Remissvar, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, nytt: NyttRemissvar, innehall: RemissvarInnehall): Promise<Remissvar> {
    const { identifiers } = await manager.insert(Remissvar, {
      ...nytt,
      status: 'utkast',
      titel: innehall.titel,
      inledning: innehall.inledning,
      avslutning: innehall.avslutning,
      fotnoter: innehall.fotnoter,
      stallning: innehall.stallning,
      fragesvar: innehall.fragesvar,
      version: 1,
    });
    const id = identifiers[0].id as string;
    await this.writeSynpunkter(manager, id, innehall.synpunkter);
    return manager.findOneByOrFail(Remissvar, { id });
  }

  /**
   * Optimistic locking: the content is replaced only if nobody saved since `version` and the
   * answer is still editable (TypeORM's @VersionColumn would not guard this). Null: nothing written.
   * The synpunkter' ids must be the answer's own (Innehallsgranskning checks them).
   */
  async replaceContent(
    manager: EntityManager,
    id: string,
    version: number,
    innehall: RemissvarInnehall,
  ): Promise<number | null> {
    const [rows]: [{ version: number }[], number] = await manager.query(
      `UPDATE remissvar SET titel = $3, inledning = $4, avslutning = $5, fotnoter = $6::jsonb, stallning = $7,
              fragesvar = $8::jsonb, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('utkast', 'for_beslut') AND typ = 'yttrande'
        RETURNING version`,
      [
        id,
        version,
        innehall.titel,
        innehall.inledning,
        innehall.avslutning,
        JSON.stringify(innehall.fotnoter),
        innehall.stallning,
        JSON.stringify(innehall.fragesvar),
      ],
    );
    if (rows.length === 0) return null;
    await this.writeSynpunkter(manager, id, innehall.synpunkter);
    return rows[0].version;
  }

  /** What only an external instans' form has: its own dnr and who answers. */
  async updateUppgifter(
    manager: EntityManager,
    id: string,
    uppgifter: Pick<
      Remissvar,
      'egetDiarienummer' | 'kontaktpersonNamn' | 'kontaktpersonEpost' | 'kontaktpersonTelefon'
    >,
  ): Promise<void> {
    await manager.update(Remissvar, { id }, uppgifter);
  }

  /** A draft becomes a declining letter: its synpunkter go (the revisions keep them). */
  async replaceWithAvstar(manager: EntityManager, id: string, titel: string, text: string): Promise<void> {
    await manager.update(
      Remissvar,
      { id },
      { typ: 'avstar', titel, inledning: text, avslutning: '', fotnoter: [], stallning: null, fragesvar: [] },
    );
    await manager.delete(Synpunkt, { remissvarId: id });
  }

  /** Moves a locked answer to `status`; returns the new version. */
  async setStatus(
    manager: EntityManager,
    id: string,
    status: RemissvarStatus,
    extra: Partial<Pick<Remissvar, 'expedieradAt' | 'expedieradAv' | 'slutligFilId' | 'typ' | 'inledning'>> = {},
  ): Promise<number> {
    await manager.update(Remissvar, { id }, { status, ...extra, version: () => 'version + 1' });
    return (await manager.findOneByOrFail(Remissvar, { id })).version;
  }

  async insertBeslut(manager: EntityManager, beslut: Omit<Beslut, 'id' | 'createdAt'>): Promise<Beslut> {
    const { identifiers } = await manager.insert(Beslut, beslut);
    return manager.findOneByOrFail(Beslut, { id: identifiers[0].id as string });
  }

  async insertRevision(
    manager: EntityManager,
    svar: { id: string },
    version: number,
    anvandareId: string | null,
    innehall: RemissvarInnehall & { status: RemissvarStatus },
    andring: string,
  ): Promise<void> {
    await manager.insert(RemissvarRevision, {
      remissvarId: svar.id,
      version,
      anvandareId,
      innehall: innehall as unknown as RemissvarRevision['innehall'] & object,
      andring,
    });
  }

  async revisioner(svar: Remissvar, page: number, pageSize: number): Promise<{ items: RevisionRad[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(RemissvarRevision).findAndCount({
      where: { remissvarId: svar.id },
      order: { version: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.withAnvandare(this.dataSource.manager, rows), total };
  }

  /** The saves since `version`, oldest first (the last 20): what a stale save tells its user. */
  async revisionerSedan(manager: EntityManager, svar: { id: string }, version: number): Promise<RevisionRad[]> {
    const rows = await manager.getRepository(RemissvarRevision).find({
      where: { remissvarId: svar.id, version: MoreThan(version) },
      order: { version: 'DESC' },
      take: 20,
    });
    return (await this.withAnvandare(manager, rows)).reverse();
  }

  async revision(svar: Remissvar, version: number): Promise<RemissvarRevision & Pick<RevisionRad, 'anvandare'>> {
    const revision = await this.dataSource
      .getRepository(RemissvarRevision)
      .findOneBy({ remissvarId: svar.id, version });
    if (!revision) throw notFound('Revision');
    const [{ anvandare }] = await this.withAnvandare(this.dataSource.manager, [revision]);
    return { ...revision, anvandare };
  }

  private async withAnvandare(manager: EntityManager, rows: RemissvarRevision[]): Promise<RevisionRad[]> {
    const ids = [...new Set(rows.map((r) => r.anvandareId).filter((id): id is string => !!id))];
    const anvandare = ids.length
      ? await manager.getRepository(Anvandare).find({ where: { id: In(ids) }, select: { id: true, namn: true } })
      : [];
    const namn = new Map(anvandare.map((a) => [a.id, a.namn]));
    return rows.map((r) => ({
      version: r.version,
      andring: r.andring,
      createdAt: r.createdAt,
      anvandare: r.anvandareId ? { id: r.anvandareId, namn: namn.get(r.anvandareId) ?? '' } : null,
    }));
  }

  /**
   * Synpunkter by id, so the sender's ställningstaganden and the history can refer to them: those
   * not sent any more go, those sent with their id are updated in place (in one statement: a reorder
   * swaps `ordning` between rows, which the deferrable unique checks at the statement's end), new
   * ones are inserted; `ordning` is the position in the list.
   */
  private async writeSynpunkter(
    manager: EntityManager,
    remissvarId: string,
    synpunkter: SynpunktInnehall[],
  ): Promise<void> {
    const rader = synpunkter.map((p, i) => ({ ...p, ordning: i + 1 }));
    const kvar = rader.filter((r) => r.id !== null);
    await manager.query(`DELETE FROM synpunkt WHERE remissvar_id = $1 AND id <> ALL($2::uuid[])`, [
      remissvarId,
      kvar.map((r) => r.id),
    ]);
    if (kvar.length > 0)
      await manager.query(
        `UPDATE synpunkt s
            SET ordning = n.ordning, typ = n.typ, rubrik = n.rubrik, text = n.text, remisshandling_id = n."remisshandlingId",
                sida = n.sida, citatinledning = n.citatinledning, citat = n.citat, stryk_text = n."strykText",
                ny_text = n."nyText", fotnoter = n.fotnoter
           FROM jsonb_to_recordset($2::jsonb) AS n(id uuid, ordning int, typ synpunkt_typ, rubrik text, text text,
                "remisshandlingId" uuid, sida int, citatinledning text, citat text, "strykText" text, "nyText" text,
                fotnoter jsonb)
          WHERE s.id = n.id AND s.remissvar_id = $1`,
        [remissvarId, JSON.stringify(kvar)],
      );
    const nya = rader.filter((r) => r.id === null).map(({ id: _, ...r }) => ({ ...r, remissvarId }));
    if (nya.length > 0) await manager.insert(Synpunkt, nya);
  }
}
