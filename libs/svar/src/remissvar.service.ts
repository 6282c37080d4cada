import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import {
  ATGARDER,
  Atgard,
  Clock,
  Datum,
  DomainError,
  illegalTransition,
  invalidField,
  isDatum,
  SidQuery,
  statusnamn,
  stockholmDatum,
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

/** The beslut's fields as the form names them. */
const BESLUT_FALTNAMN = {
  sammantradesdatum: 'sammanträdesdatum',
  paragraf: 'paragraf',
  delegatNamn: 'delegatens namn',
  beslutsdatum: 'beslutsdatum',
} as const;

/** Drafting a remissvar: creating it, saving under optimistic locking, and its way to beslutat. */
@Injectable()
export class RemissvarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly svar: RemissvarRepository,
    private readonly instanser: NamndInstansRepository,
    private readonly granskning: Innehallsgranskning,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  get(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.load(this.dataSource.manager, actor, id);
  }

  /** The remissvar as answered to its reader, read in the caller's transaction. */
  async load(manager: EntityManager, actor: Actor, id: string): Promise<RemissvarResponse> {
    const svar = await this.svar.get(manager, actor, id);
    // A sent answer is a handling anyone at the enhet (and the sender) reads; before that it is a draft.
    if (svar.status !== 'expedierat') requireRoll(actor, svar.enhetId, LASA_UTKAST, 'A draft remissvar');
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
      await this.audit.recordBy(manager, actor, {
        handelse: 'remissvar_skapat',
        objektTyp: 'remissvar',
        objektId: svar.id,
        data: {
          version: svar.version,
          remissinstansId: instans.id,
        },
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
      if (svar.status === 'for_beslut' && innehall.stallning === null) throw stallningSaknas();
      const ny = await this.svar.replaceContent(manager, id, version, innehall);
      // The row is locked and its version and state were checked just now, so the guarded update holds.
      if (ny === null) throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
      const efter = await this.storedInnehall(manager, id);
      const andring = describeAndring(innehallAv(svar, synpunkter), efter);
      await this.svar.insertRevision(manager, svar, ny, actor.anvandareId, { ...efter, status: svar.status }, andring);
      await this.audit.recordBy(manager, actor, {
        handelse: 'remissvar_sparat',
        objektTyp: 'remissvar',
        objektId: id,
        data: { version: ny, andring },
      });
      return this.load(manager, actor, id);
    });
  }

  /** An answer goes for beslut with its position taken: what the nämnd is asked to adopt. */
  submitForBeslut(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.transition(actor, id, 'utkast', 'for_beslut', SKRIVA, 'forBeslut', async (_manager, svar) => {
      if (svar.stallning === null) throw stallningSaknas();
    });
  }

  returnToUtkast(actor: Actor, id: string): Promise<RemissvarResponse> {
    return this.transition(actor, id, 'for_beslut', 'utkast', SKRIVA, 'tillUtkast');
  }

  /** Records who adopted the answer; its content is frozen from here. */
  recordBeslut(actor: Actor, id: string, dto: BeslutDto): Promise<RemissvarResponse> {
    const beslut = beslutAv(dto, stockholmDatum(this.clock.now()));
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
      await this.audit.recordBy(manager, actor, {
        handelse: `remissvar_${till}`,
        objektTyp: 'remissvar',
        objektId: id,
        data: { version, fran },
      });
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
}

/** What the nämnd is asked to adopt includes its position: from för beslut on, an answer has one. */
const stallningSaknas = () =>
  invalidField(
    'stallning',
    'A remissvar for beslut needs its stallning',
    'Ange svarets ställning (tillstyrker, tillstyrker med ändringar, avstyrker eller inga synpunkter) innan det lämnas för beslut.',
    'ställning',
  );

function requireRedigerbart(svar: Remissvar): void {
  if (svar.typ !== 'yttrande' || (svar.status !== 'utkast' && svar.status !== 'for_beslut'))
    throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
}

/**
 * The beslut as stored, or a 400 naming every missing or impossible field in Swedish: a nämndbeslut
 * needs the sammanträde's date and its §, a delegationsbeslut the delegat and the date; a decision
 * cannot be dated after today (Stockholm).
 */
function beslutAv(dto: BeslutDto, idag: Datum): Omit<Beslut, 'id' | 'createdAt' | 'remissvarId' | 'createdBy'> {
  const fel: { falt: keyof typeof BESLUT_FALTNAMN; message: string; meddelande: string }[] = [];
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const datum = (falt: 'sammantradesdatum' | 'beslutsdatum', varde: string | undefined, namn: string) => {
    if (varde === undefined) fel.push({ falt, message: `${falt} is required`, meddelande: `Ange ${namn}.` });
    else if (!isDatum(varde))
      fel.push({ falt, message: `${varde} is not a date`, meddelande: `${varde} är inte ett datum.` });
    else if (varde > idag)
      fel.push({
        falt,
        message: `${falt} ${varde} is in the future`,
        meddelande: `${namn[0].toUpperCase()}${namn.slice(1)} kan inte vara senare än i dag (${idag}).`,
      });
  };
  const kravs = (falt: 'paragraf' | 'delegatNamn', varde: string | undefined, meddelande: string) => {
    if (!text(varde)) fel.push({ falt, message: `${falt} is required`, meddelande });
  };
  if (dto.typ === 'namndbeslut') {
    datum('sammantradesdatum', dto.sammantradesdatum, 'sammanträdets datum');
    kravs('paragraf', dto.paragraf, 'Ange paragrafen (§) i protokollet.');
  } else {
    kravs('delegatNamn', dto.delegatNamn, 'Ange vem som fattade beslutet på delegation.');
    datum('beslutsdatum', dto.beslutsdatum, 'beslutsdatum');
  }
  if (fel.length)
    throw new DomainError('VALIDATION_FAILED', {
      message: fel.map((f) => f.message).join('; '),
      fel: fel.map((f) => ({ falt: f.falt, namn: BESLUT_FALTNAMN[f.falt], meddelande: f.meddelande })),
    });
  if (dto.typ === 'namndbeslut')
    return {
      typ: 'namndbeslut',
      beslutsdatum: dto.sammantradesdatum!,
      sammantradesdatum: dto.sammantradesdatum!,
      paragraf: text(dto.paragraf)!,
      delegatNamn: null,
      delegatTitel: null,
    };
  return {
    typ: 'delegationsbeslut',
    beslutsdatum: dto.beslutsdatum!,
    sammantradesdatum: null,
    paragraf: null,
    delegatNamn: text(dto.delegatNamn)!,
    delegatTitel: text(dto.delegatTitel) ?? null,
  };
}
