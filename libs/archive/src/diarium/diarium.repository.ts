import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { DiarienummerFormat, DomainError, notFound, sqlState } from '@app/core';
import { Arende, Diarium, Enhet, Handling, HandlingRiktning } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

export interface NyHandling {
  riktning: HandlingRiktning;
  datum: string;
  motpart: string | null;
  beskrivning: string;
  filId?: string | null;
  /** The same document as an editable file (only beside `filId`). */
  redigerbarFilId?: string | null;
  registreradAv: string | null;
  /** The OSL paragraph of a sekretessmarkering, if any. */
  sekretess?: string | null;
}

/** The ärende a handling is registered under, locked. */
export interface LastArende {
  id: string;
  organisationId: string;
  enhetId: string;
  status: Arende['status'];
}

/** Diarier, their number series, ärenden and registered handlingar, scoped to the caller's organisation. */
@Injectable()
export class DiariumRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(actor: Actor): Promise<Diarium[]> {
    return this.dataSource
      .getRepository(Diarium)
      .find({ where: { organisationId: actor.organisationId }, order: { prefix: 'ASC' } });
  }

  /** The organisation's enheter with the diarium each is set to (null: none). */
  enheter(manager: EntityManager, actor: Actor): Promise<Enhet[]> {
    return manager.find(Enhet, { where: { organisationId: actor.organisationId }, order: { namn: 'ASC' } });
  }

  async enhet(manager: EntityManager, actor: Actor, id: string): Promise<Enhet> {
    const enhet = await manager.findOneBy(Enhet, { id, organisationId: actor.organisationId });
    if (!enhet) throw notFound('Enhet');
    return enhet;
  }

  /** The diarium an enhet's ärenden are numbered in, if it has one. */
  async forEnhet(manager: EntityManager, enhet: Enhet): Promise<Diarium | null> {
    return enhet.diariumId ? manager.findOneByOrFail(Diarium, { id: enhet.diariumId }) : null;
  }

  /** A new diarium; its prefix is unique in the organisation (409 DIARIUM_PREFIX_TAKEN). */
  async insertDiarium(manager: EntityManager, diarium: Pick<Diarium, 'organisationId' | 'namn' | 'prefix' | 'format'>) {
    const { identifiers } = await manager.insert(Diarium, diarium).catch((e: unknown) => {
      throw sqlState(e) === '23505' ? new DomainError('DIARIUM_PREFIX_TAKEN', { prefix: diarium.prefix }) : e;
    });
    return manager.findOneByOrFail(Diarium, { id: identifiers[0].id as string });
  }

  async setEnhetensDiarium(manager: EntityManager, enhetId: string, diariumId: string): Promise<void> {
    await manager.update(Enhet, { id: enhetId }, { diariumId });
  }

  /** Locks an ärende of the caller's organisation for a change of its state. */
  async lockOwnArende(manager: EntityManager, actor: Actor, id: string): Promise<Arende> {
    const arende = await manager.findOne(Arende, {
      where: { id, organisationId: actor.organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!arende) throw notFound('Ärende');
    return arende;
  }

  async closeArende(manager: EntityManager, arende: Arende, av: string, at: Date): Promise<void> {
    await manager.update(Arende, { id: arende.id }, { status: 'avslutat', avslutatAt: at, avslutatAv: av });
  }

  async handling(manager: EntityManager, arendeId: string, id: string): Promise<Handling> {
    const handling = await manager.findOneBy(Handling, { id, arendeId });
    if (!handling) throw notFound('Handling');
    return handling;
  }

  async setSekretess(manager: EntityManager, handlingId: string, sekretess: string): Promise<void> {
    await manager.update(Handling, { id: handlingId }, { sekretess });
  }

  async get(manager: EntityManager, actor: Actor, id: string): Promise<Diarium> {
    const diarium = await manager.findOneBy(Diarium, { id, organisationId: actor.organisationId });
    if (!diarium) throw notFound('Diarium');
    return diarium;
  }

  async arende(
    actor: Actor,
    id: string,
  ): Promise<{ arende: Arende; handlingar: Handling[]; enhet: string; diarium: string }> {
    const arende = await this.dataSource.getRepository(Arende).findOneBy({ id, organisationId: actor.organisationId });
    if (!arende) throw notFound('Ärende');
    const [handlingar, enhet, diarium] = await Promise.all([
      this.dataSource.getRepository(Handling).find({ where: { arendeId: id }, order: { lopnummer: 'ASC' } }),
      this.dataSource.getRepository(Enhet).findOneByOrFail({ id: arende.enhetId }),
      this.dataSource.getRepository(Diarium).findOneByOrFail({ id: arende.diariumId }),
    ]);
    return { arende, handlingar, enhet: enhet.namn, diarium: diarium.namn };
  }

  /**
   * The next number of the diarium's series for `year`. The series row stays locked until the
   * caller's transaction ends, so concurrent allocations queue and a rollback leaves no gap.
   * Numbers already taken by entered ärenden are skipped.
   */
  async allocate(
    manager: EntityManager,
    diarium: Diarium,
    year: number,
  ): Promise<{ lopnummer: number; diarienummer: string }> {
    const format = new DiarienummerFormat(diarium.format, diarium.prefix);
    for (;;) {
      const [row]: { senaste: number }[] = await manager.query(
        `INSERT INTO diarienummerserie (diarium_id, ar, senaste) VALUES ($1, $2, 1)
         ON CONFLICT (diarium_id, ar) DO UPDATE SET senaste = diarienummerserie.senaste + 1
         RETURNING senaste`,
        [diarium.id, year],
      );
      const taken = await manager.existsBy(Arende, { diariumId: diarium.id, ar: year, lopnummer: row.senaste });
      if (!taken) return { lopnummer: row.senaste, diarienummer: format.render({ year, seq: row.senaste }) };
    }
  }

  /** Validates an entered number against the diarium's format; refuses one already in use. */
  async claimEntered(
    manager: EntityManager,
    diarium: Diarium,
    entered: string,
  ): Promise<{ ar: number; lopnummer: number; diarienummer: string }> {
    const format = new DiarienummerFormat(diarium.format, diarium.prefix);
    const parts = format.parse(entered);
    if (!parts) {
      const example = format.render({ year: 2025, seq: 118 });
      throw new DomainError('INVALID_DIARIENUMMER', { angivet: entered, diarium: diarium.namn, exempel: example });
    }
    const diarienummer = format.render(parts);
    if (await manager.existsBy(Arende, { diariumId: diarium.id, ar: parts.year, lopnummer: parts.seq })) {
      throw diarienummerTaken(diarienummer);
    }
    return { ar: parts.year, lopnummer: parts.seq, diarienummer };
  }

  /** Inserts the ärende; an entered number that a concurrent request took first is 409 DIARIENUMMER_TAKEN, as when it was taken before. */
  async insertArende(manager: EntityManager, arende: Omit<Arende, 'id' | 'createdAt'>): Promise<Arende> {
    const { identifiers } = await manager.insert(Arende, arende).catch((e: unknown) => {
      throw sqlState(e) === '23505' ? diarienummerTaken(arende.diarienummer) : e;
    });
    return manager.findOneByOrFail(Arende, { id: identifiers[0].id as string });
  }

  /** Locks the ärende a handling is registered under (its löpnummer are counted meanwhile). */
  async lockArende(manager: EntityManager, arendeId: string): Promise<LastArende> {
    const [arende]: { organisation_id: string; enhet_id: string; status: Arende['status'] }[] = await manager.query(
      'SELECT organisation_id, enhet_id, status FROM arende WHERE id = $1 FOR UPDATE',
      [arendeId],
    );
    if (!arende) throw notFound('Ärende');
    return { id: arendeId, organisationId: arende.organisation_id, enhetId: arende.enhet_id, status: arende.status };
  }

  /** Inserts a handling under an ärende locked by `lockArende`, with the next löpnummer. */
  async insertHandling(manager: EntityManager, arende: LastArende, ny: NyHandling): Promise<Handling> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT COALESCE(MAX(lopnummer), 0) + 1 AS next FROM handling WHERE arende_id = $1',
      [arende.id],
    );
    const { identifiers } = await manager.insert(Handling, {
      organisationId: arende.organisationId,
      arendeId: arende.id,
      lopnummer: next,
      riktning: ny.riktning,
      datum: ny.datum,
      motpart: ny.motpart,
      beskrivning: ny.beskrivning,
      filId: ny.filId ?? null,
      redigerbarFilId: ny.redigerbarFilId ?? null,
      registreradAv: ny.registreradAv,
      sekretess: ny.sekretess ?? null,
    });
    return manager.findOneByOrFail(Handling, { id: identifiers[0].id as string });
  }
}

const diarienummerTaken = (diarienummer: string) => new DomainError('DIARIENUMMER_TAKEN', { diarienummer });
