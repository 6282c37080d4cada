import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DiariumRepository, DiariumService } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import {
  APP_CONFIG,
  AppConfig,
  Atgard,
  Clock,
  DiarienummerFormat,
  DomainError,
  forbidden,
  illegalTransition,
  invalidField,
  isDatum,
  stockholmDatum,
} from '@app/core';
import { Remiss, UtkastMottagare } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { RemissResponse, toRemissResponse } from '../remiss.response';
import { RemissmottagareResponse } from './remiss-utkast.response';
import { AndraRemissDto, MottagareDto, NyRemissDto } from './remiss-utkast.dto';
import { arendemeningVarning } from './arendemening';
import { NyttUtkastVy, UtkastVy } from './remiss-utkast.view';
import { checkSvarsdatum, tidigasteSvarsdatum } from './svarsdatum-regel';

/** Creating and editing a remiss while it is an utkast (only its own organisation sees it). */
@Injectable()
export class RemissUtkastService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly remisser: RemissRepository,
    private readonly diarier: DiariumRepository,
    private readonly diarium: DiariumService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Opens the ärende in the sender's diarium (allocated or entered dnr) and stores the draft, in one transaction. */
  async create(actor: Actor, dto: NyRemissDto): Promise<RemissResponse> {
    this.checkSvarsdatum(dto.svarsdatum);
    return this.dataSource.transaction(async (m) => {
      const avsandare = await this.avsandarEnhet(m, actor, dto.diariumId);
      const mottagare = await this.checkMottagare(m, actor, dto.mottagare ?? []);
      const arende = await this.diarium.registerArende(m, actor, {
        enhetId: avsandare,
        arendemening: dto.arendemening,
        diarienummer: dto.diarienummer,
      });
      const remiss = await this.remisser.insert(m, {
        organisationId: actor.organisationId,
        avsandareEnhetId: avsandare,
        arendeId: arende.id,
        diarienummer: arende.diarienummer,
        arendemening: dto.arendemening,
        missiv: dto.missiv ?? '',
        svarsdatum: dto.svarsdatum,
        kontaktpersonNamn: dto.kontaktperson?.namn ?? actor.namn,
        kontaktpersonEpost: dto.kontaktperson ? (dto.kontaktperson.epost ?? null) : actor.epost,
        kontaktpersonTelefon: dto.kontaktperson?.telefon ?? null,
        fragor: (dto.fragor ?? []).map((text, i) => ({ nummer: i + 1, text })),
        utkastMottagare: mottagare,
        status: 'utkast',
        createdBy: actor.anvandareId,
      });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_skapad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { diarienummer: remiss.diarienummer },
      });
      return toRemissResponse(remiss, true);
    });
  }

  async update(actor: Actor, id: string, dto: AndraRemissDto): Promise<RemissResponse> {
    if (dto.svarsdatum !== undefined) this.checkSvarsdatum(dto.svarsdatum);
    return this.dataSource.transaction(async (m) => {
      const remiss = await this.lockUtkast(m, actor, id, 'redigeraRemiss');
      if (dto.version !== undefined && dto.version !== remiss.version) {
        throw new DomainError('STALE_VERSION', { vad: 'remiss', version: dto.version, nu: remiss.version });
      }
      const changes: Partial<Remiss> = {};
      if (dto.arendemening !== undefined) changes.arendemening = dto.arendemening;
      if (dto.missiv !== undefined) changes.missiv = dto.missiv;
      if (dto.svarsdatum !== undefined) changes.svarsdatum = dto.svarsdatum;
      // null removes the kontaktperson.
      if (dto.kontaktperson !== undefined)
        Object.assign(changes, {
          kontaktpersonNamn: dto.kontaktperson?.namn ?? null,
          kontaktpersonEpost: dto.kontaktperson?.epost ?? null,
          kontaktpersonTelefon: dto.kontaktperson?.telefon ?? null,
        });
      if (dto.fragor !== undefined) changes.fragor = dto.fragor.map((text, i) => ({ nummer: i + 1, text }));
      if (dto.mottagare !== undefined)
        changes.utkastMottagare = await this.checkMottagare(m, actor, dto.mottagare, remiss.utkastMottagare);
      const updated = await this.remisser.update(m, remiss.id, changes);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_andrad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { falt: Object.keys(changes) },
      });
      return toRemissResponse(updated, true);
    });
  }

  /** The new utkast's form: the caller's diarier with a number in each one's format, the earliest svarsdatum, the contact. */
  async formular(actor: Actor): Promise<NyttUtkastVy> {
    const ar = Number(stockholmDatum(this.clock.now()).slice(0, 4));
    // The diarier that number an enhet where the caller is remissansvarig (one per enhet, or the organisation's one).
    const egna = new Set(
      (await this.diarier.enheter(this.dataSource.manager, actor))
        .filter((e) => e.diariumId !== null && actor.hasRoleAt(e.id, 'remissansvarig'))
        .map((e) => e.diariumId),
    );
    const diarier = (await this.diarier.list(actor))
      .filter((d) => egna.has(d.id))
      .map((d) => ({
        id: d.id,
        namn: d.namn,
        exempel: new DiarienummerFormat(d.format, d.prefix).render({ year: ar, seq: 118 }),
      }));
    if (diarier.length === 0)
      throw forbidden('Sending a remiss needs the role remissansvarig at an enhet with a diarium');
    return {
      diarier,
      ...this.svarstid(),
      kontaktperson: { namn: actor.namn, epost: actor.epost },
    };
  }

  /** One utkast as its page shows it; a sent remiss too (the page sends its user on to its status). */
  async view(actor: Actor, id: string): Promise<UtkastVy> {
    const m = this.dataSource.manager;
    const remiss = await this.remisser.getOwn(m, actor, id);
    requireAvsandare(actor, remiss);
    const handlingar = await this.remisser.handlingar(m, remiss.id);
    return {
      remiss: toRemissResponse(remiss, true),
      ...this.svarstid(),
      arendemeningVarning: arendemeningVarning(remiss.arendemening),
      antalMottagare: remiss.utkastMottagare.length,
      antalHandlingar: handlingar.length,
    };
  }

  private svarstid() {
    const minstaSvarstid = this.config.REMISS_MIN_SVARSTID_ARBETSDAGAR;
    return {
      tidigasteSvarsdatum: tidigasteSvarsdatum(stockholmDatum(this.clock.now()), minstaSvarstid),
      minstaSvarstid,
    };
  }

  /** The recipient directory a draft's recipients are chosen from. */
  listMottagare(actor: Actor): Promise<RemissmottagareResponse[]> {
    return this.remisser.valbaraMottagare(actor);
  }

  /** The remiss, locked, if the caller may change it and it is still an utkast (else 403 / 409 naming its state). */
  async lockUtkast(m: EntityManager, actor: Actor, id: string, action: Atgard): Promise<Remiss> {
    const remiss = await this.remisser.getOwn(m, actor, id, true);
    requireAvsandare(actor, remiss);
    if (remiss.status !== 'utkast') throw illegalTransition('remiss', remiss.status, action);
    return remiss;
  }

  checkSvarsdatum(svarsdatum: string): void {
    if (!isDatum(svarsdatum))
      throw invalidField(
        'svarsdatum',
        `svarsdatum ${svarsdatum} is not a calendar date`,
        `Svarsdatum ${svarsdatum} är inget giltigt datum.`,
      );
    checkSvarsdatum(svarsdatum, stockholmDatum(this.clock.now()), this.config.REMISS_MIN_SVARSTID_ARBETSDAGAR);
  }

  /**
   * The enhet the remiss is sent from: one where the caller is remissansvarig whose diarium (the one
   * named, or any) numbers the ärende.
   */
  private async avsandarEnhet(m: EntityManager, actor: Actor, diariumId?: string): Promise<string> {
    if (diariumId) await this.diarier.get(m, actor, diariumId);
    const enhet = (await this.diarier.enheter(m, actor)).find(
      (e) =>
        e.diariumId !== null && (!diariumId || e.diariumId === diariumId) && actor.hasRoleAt(e.id, 'remissansvarig'),
    );
    if (!enhet)
      throw forbidden(
        diariumId
          ? 'Sending a remiss from this diarium needs the role remissansvarig at an enhet numbered in it'
          : 'Sending a remiss needs the role remissansvarig at an enhet with a diarium',
      );
    return enhet.id;
  }

  /**
   * Validates the recipients: enheter the directory offers (any of the own organisation, the
   * answering ones of organisations that accept its remisser) or external parties, no duplicates.
   * Sändlistor and imported lists are checked by the same rule. An enhet the draft has already
   * (`redan`) need only still be on the platform: chosen while its organisation accepted the
   * sender's remisser, it stays until removed, and the send names that organisation
   * (`MOTTAGARE_EJ_KOPPLAD`) rather than every later change to the list failing over it.
   */
  async checkMottagare(
    m: EntityManager,
    actor: Actor,
    dtos: MottagareDto[],
    redan: UtkastMottagare[] = [],
  ): Promise<UtkastMottagare[]> {
    const result: UtkastMottagare[] = dtos.map((d, i) => {
      if (d.enhetId && !d.namn && !d.epost) return { typ: 'enhet', enhetId: d.enhetId };
      if (!d.enhetId && d.namn && d.epost) return { typ: 'extern', namn: d.namn, epost: d.epost.toLowerCase() };
      throw new DomainError('INVALID_MOTTAGARE', { skal: 'ofullstandig', index: i });
    });
    const enhetIds = result.flatMap((r) => (r.typ === 'enhet' ? [r.enhetId] : []));
    const valda = new Set(redan.flatMap((r) => (r.typ === 'enhet' ? [r.enhetId] : [])));
    const nya = await this.remisser.valbaraEnheter(
      m,
      actor.organisationId,
      enhetIds.filter((id) => !valda.has(id)),
    );
    const behallna = await this.remisser.mottagareEnheter(
      m,
      enhetIds.filter((id) => valda.has(id)),
    );
    const kanda = new Set([...nya, ...behallna].map((e) => e.id));
    const okand = enhetIds.find((id) => !kanda.has(id));
    if (okand) throw new DomainError('INVALID_MOTTAGARE', { skal: 'okand', enhetId: okand });
    const nycklar = result.map((r) => (r.typ === 'enhet' ? r.enhetId : r.epost));
    const dubblett = nycklar.find((k, i) => nycklar.indexOf(k) !== i);
    if (dubblett) throw new DomainError('INVALID_MOTTAGARE', { skal: 'dubblett', nyckel: dubblett });
    return result;
  }
}

/** Changing a remiss needs the role remissansvarig at its sending enhet. */
export function requireAvsandare(actor: Actor, remiss: Remiss): void {
  if (!actor.hasRoleAt(remiss.avsandareEnhetId, 'remissansvarig'))
    throw forbidden('This needs the role remissansvarig at the sending enhet');
}
