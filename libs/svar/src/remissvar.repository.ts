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
import { DataSource, EntityManager } from 'typeorm';
import { RemissvarInnehall } from './innehall/innehall';

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
      version: 1,
    });
    const id = identifiers[0].id as string;
    await this.insertSynpunkter(manager, id, innehall);
    return manager.findOneByOrFail(Remissvar, { id });
  }

  /**
   * Optimistic locking: the content is replaced only if nobody saved since `version` and the
   * answer is still editable (TypeORM's @VersionColumn would not guard this). Null: nothing written.
   */
  async replaceContent(
    manager: EntityManager,
    id: string,
    version: number,
    innehall: RemissvarInnehall,
  ): Promise<number | null> {
    const [rows]: [{ version: number }[], number] = await manager.query(
      `UPDATE remissvar SET titel = $3, inledning = $4, avslutning = $5, fotnoter = $6::jsonb, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('utkast', 'for_beslut') AND typ = 'yttrande'
        RETURNING version`,
      [id, version, innehall.titel, innehall.inledning, innehall.avslutning, JSON.stringify(innehall.fotnoter)],
    );
    if (rows.length === 0) return null;
    await manager.delete(Synpunkt, { remissvarId: id });
    await this.insertSynpunkter(manager, id, innehall);
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
    await manager.update(Remissvar, { id }, { typ: 'avstar', titel, inledning: text, avslutning: '', fotnoter: [] });
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
    const ids = [...new Set(rows.map((r) => r.anvandareId).filter((id): id is string => !!id))];
    const anvandare = ids.length
      ? await this.dataSource
          .getRepository(Anvandare)
          .find({ where: ids.map((id) => ({ id })), select: { id: true, namn: true } })
      : [];
    const namn = new Map(anvandare.map((a) => [a.id, a.namn]));
    return {
      items: rows.map((r) => ({
        version: r.version,
        andring: r.andring,
        createdAt: r.createdAt,
        anvandare: r.anvandareId ? { id: r.anvandareId, namn: namn.get(r.anvandareId) ?? '' } : null,
      })),
      total,
    };
  }

  async revision(svar: Remissvar, version: number): Promise<RemissvarRevision> {
    const revision = await this.dataSource
      .getRepository(RemissvarRevision)
      .findOneBy({ remissvarId: svar.id, version });
    if (!revision) throw notFound('Revision');
    return revision;
  }

  private async insertSynpunkter(
    manager: EntityManager,
    remissvarId: string,
    innehall: RemissvarInnehall,
  ): Promise<void> {
    if (innehall.synpunkter.length === 0) return;
    await manager.insert(
      Synpunkt,
      innehall.synpunkter.map((p, i) => ({ ...p, remissvarId, ordning: i + 1 })),
    );
  }
}
