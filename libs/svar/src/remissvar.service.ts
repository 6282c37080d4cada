import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import {
  ATGARDER,
  Atgard,
  DomainError,
  illegalTransition,
  invalidField,
  isDatum,
  SidQuery,
  statusnamn,
} from '@app/core';
import { Beslut, Remissvar, RemissvarStatus } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { BESLUTA, requireOppenRemiss, requireRoll, LASA_UTKAST, SKRIVA } from './behorighet';
import { describeAndring, RemissvarInnehall } from './innehall/innehall';
import { innehallAv, Innehallsgranskning } from './innehall/innehallsgranskning.service';
import { NamndInstansRepository } from './instans/namnd-instans.repository';
import { BeslutDto, RemissvarInnehallDto } from './remissvar.dto';
import { RemissvarRepository } from './remissvar.repository';
import {
  RemissvarResponse,
  RevisionResponse,
  RevisionSidaResponse,
  toRemissvarResponse,
  toRevisionResponse,
} from './remissvar.response';

/** The beslut's date fields as the form names them. */
const BESLUT_FALTNAMN = { sammantradesdatum: 'sammanträdesdatum', beslutsdatum: 'beslutsdatum' } as const;

/** Drafting a remissvar: creating it, saving under optimistic locking, and its way to beslutat. */
@Injectable()
export class RemissvarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly svar: RemissvarRepository,
    private readonly instanser: NamndInstansRepository,
    private readonly granskning: Innehallsgranskning,
    private readonly audit: AuditLog,
  ) {}

  get(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.load(this.dataSource.manager, actor, id);
  }

  /** The remissvar as answered to its reader, read in the caller's transaction. */
  async load(manager: EntityManager, actor: Actor, id: string): Promise<RemissvarResponse> {
    const svar = await this.svar.get(manager, actor, id);
    return toRemissvarResponse(svar, await this.svar.synpunkter(manager, svar), await this.svar.beslut(manager, svar));
  }

  /** The revision history, newest first: within the answering enhet only, like the drafts themselves. */
  async revisioner(actor: Actor, id: string, query: SidQuery): Promise<RevisionSidaResponse> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    requireRoll(actor, svar.enhetId, LASA_UTKAST, 'The revision history');
    return {
      ...(await this.svar.revisioner(svar, query.page, query.pageSize)),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async revision(actor: Actor, id: string, version: number): Promise<RevisionResponse> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    requireRoll(actor, svar.enhetId, LASA_UTKAST, 'The revision history');
    return toRevisionResponse(await this.svar.revision(svar, version));
  }

  /** The first draft of an instans' answer; the instans moves to under_beredning. */
  create(actor: Actor, instansId: string, dto: RemissvarInnehallDto): Promise<RemissvarResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { instans, remiss } = await this.instanser.get(manager, actor, instansId, true);
      requireRoll(actor, instans.mottagareEnhetId, SKRIVA, 'Drafting a remissvar');
      requireOppenRemiss(remiss, 'paborja');
      if (instans.status !== 'registrerad' && instans.status !== 'under_beredning')
        throw illegalTransition('remissinstans', instans.status, 'paborja');
      const befintligt = await this.svar.forInstans(manager, instans.id);
      if (befintligt) throw new DomainError('REMISSVAR_FINNS', { remissvarId: befintligt.id });
      const innehall = await this.granskning.check(manager, remiss, dto, []);
      const svar = await this.svar.insert(
        manager,
        {
          organisationId: actor.organisationId,
          enhetId: instans.mottagareEnhetId,
          remissinstansId: instans.id,
          typ: 'yttrande',
          createdBy: actor.anvandareId,
        },
        innehall,
      );
      await this.svar.insertRevision(
        manager,
        svar,
        svar.version,
        actor.anvandareId,
        { ...(await this.storedInnehall(manager, svar.id)), status: svar.status },
        'Utkast skapat.',
      );
      if (instans.status === 'registrerad') await this.instanser.setStatus(manager, instans.id, 'under_beredning');
      await this.recordEvent(manager, actor, 'remissvar_skapat', svar.id, {
        version: svar.version,
        remissinstansId: instans.id,
      });
      return this.load(manager, actor, svar.id);
    });
  }

  /**
   * Replaces the content if nobody saved since `version`: a stale save is a 409 that writes nothing
   * and tells what the others changed since (who, when, the summary), so a page can show it beside
   * what this user typed.
   */
  save(actor: Actor, id: string, version: number, dto: RemissvarInnehallDto): Promise<RemissvarResponse> {
    return this.dataSource.transaction(async (manager) => {
      const synligt = await this.svar.get(manager, actor, id);
      requireRoll(actor, synligt.enhetId, SKRIVA, 'Editing a remissvar');
      const { remiss } = await this.instanser.forSvar(manager, synligt, true);
      requireOppenRemiss(remiss, 'redigeraSvar');
      const svar = await this.svar.lock(manager, id);
      requireRedigerbart(svar);
      if (svar.version !== version) throw await this.staleVersion(manager, svar, version);
      const synpunkter = await this.svar.synpunkter(manager, svar);
      const innehall = await this.granskning.check(
        manager,
        remiss,
        dto,
        synpunkter.map((p) => p.id),
      );
      const ny = await this.svar.replaceContent(manager, id, version, innehall);
      // The row is locked and its version and state were checked just now, so the guarded update holds.
      if (ny === null) throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
      const efter = await this.storedInnehall(manager, id);
      const andring = describeAndring(innehallAv(svar, synpunkter), efter);
      await this.svar.insertRevision(manager, svar, ny, actor.anvandareId, { ...efter, status: svar.status }, andring);
      await this.recordEvent(manager, actor, 'remissvar_sparat', id, { version: ny, andring });
      return this.load(manager, actor, id);
    });
  }

  /** An answer goes for beslut with its position taken: what the nämnd is asked to adopt. */
  submitForBeslut(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.transition(actor, id, 'utkast', 'for_beslut', SKRIVA, 'forBeslut', async (_manager, svar) => {
      if (svar.stallning === null)
        throw invalidField(
          'stallning',
          'A remissvar needs its stallning before it goes for beslut',
          'Ange svarets ställning (tillstyrker, tillstyrker med ändringar, avstyrker eller inga synpunkter) innan det lämnas för beslut.',
          'ställning',
        );
    });
  }

  returnToUtkast(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.transition(actor, id, 'for_beslut', 'utkast', SKRIVA, 'tillUtkast');
  }

  /** Records who adopted the answer; its content is frozen from here. */
  recordBeslut(actor: Actor, id: string, dto: BeslutDto): Promise<RemissvarResponse> {
    const beslut = beslutAv(dto);
    return this.transition(actor, id, 'for_beslut', 'beslutat', BESLUTA, 'besluta', async (manager, svar) => {
      await this.svar.insertBeslut(manager, { remissvarId: svar.id, createdBy: actor.anvandareId, ...beslut });
    });
  }

  private transition(
    actor: Actor,
    id: string,
    fran: RemissvarStatus,
    till: RemissvarStatus,
    roller: typeof SKRIVA,
    action: Atgard,
    medan?: (manager: EntityManager, svar: Remissvar) => Promise<void>,
  ): Promise<RemissvarResponse> {
    return this.dataSource.transaction(async (manager) => {
      const synligt = await this.svar.get(manager, actor, id);
      requireRoll(actor, synligt.enhetId, roller, `To ${ATGARDER[action].english} a remissvar`);
      const { remiss } = await this.instanser.forSvar(manager, synligt, true);
      const svar = await this.svar.lock(manager, id);
      requireOppenRemiss(remiss, action);
      if (svar.status !== fran || svar.typ !== 'yttrande') throw illegalTransition('remissvar', svar.status, action);
      await medan?.(manager, svar);
      const version = await this.svar.setStatus(manager, id, till);
      const innehall = innehallAv(svar, await this.svar.synpunkter(manager, svar));
      await this.svar.insertRevision(
        manager,
        svar,
        version,
        actor.anvandareId,
        { ...innehall, status: till },
        `Status: ${statusnamn('remissvar', fran)} → ${statusnamn('remissvar', till)}.`,
      );
      await this.recordEvent(manager, actor, `remissvar_${till}`, id, { version, fran });
      return this.load(manager, actor, id);
    });
  }

  /** The content as stored now, with the ids the synpunkter got: what a revision records. */
  private async storedInnehall(manager: EntityManager, id: string): Promise<RemissvarInnehall> {
    const svar = await this.svar.lock(manager, id);
    return innehallAv(svar, await this.svar.synpunkter(manager, svar));
  }

  private async staleVersion(manager: EntityManager, svar: Remissvar, version: number): Promise<DomainError> {
    const andringar = await this.svar.revisionerSedan(manager, svar, version);
    return new DomainError('STALE_VERSION', { vad: 'remissvar', version, nu: svar.version, andringar });
  }

  private recordEvent(
    manager: EntityManager,
    actor: Actor,
    handelse: string,
    id: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      organisationId: actor.organisationId,
      anvandareId: actor.anvandareId,
      handelse,
      objektTyp: 'remissvar',
      objektId: id,
      data,
    });
  }
}

function requireRedigerbart(svar: Remissvar): void {
  if (svar.typ !== 'yttrande' || (svar.status !== 'utkast' && svar.status !== 'for_beslut'))
    throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
}

function beslutAv(dto: BeslutDto): Omit<Beslut, 'id' | 'createdAt' | 'remissvarId' | 'createdBy'> {
  for (const [falt, datum] of [
    ['sammantradesdatum', dto.sammantradesdatum],
    ['beslutsdatum', dto.beslutsdatum],
  ] as const) {
    if (datum !== undefined && !isDatum(datum))
      throw invalidField(falt, `${datum} is not a date`, `${datum} är inte ett datum.`, BESLUT_FALTNAMN[falt]);
  }
  if (dto.typ === 'namndbeslut') {
    if (!dto.sammantradesdatum || !dto.paragraf) throw new DomainError('BESLUT_OFULLSTANDIGT', { typ: 'namndbeslut' });
    return {
      typ: 'namndbeslut',
      beslutsdatum: dto.sammantradesdatum,
      sammantradesdatum: dto.sammantradesdatum,
      paragraf: dto.paragraf,
      delegatNamn: null,
      delegatTitel: null,
    };
  }
  if (!dto.delegatNamn || !dto.beslutsdatum)
    throw new DomainError('BESLUT_OFULLSTANDIGT', { typ: 'delegationsbeslut' });
  return {
    typ: 'delegationsbeslut',
    beslutsdatum: dto.beslutsdatum,
    sammantradesdatum: null,
    paragraf: null,
    delegatNamn: dto.delegatNamn,
    delegatTitel: dto.delegatTitel ?? null,
  };
}
