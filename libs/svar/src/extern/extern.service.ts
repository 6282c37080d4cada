import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn, FilRepository, HandlingsFil } from '@app/archive';
import { AuditLog } from '@app/auth';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  databaseBusy,
  DomainError,
  FairSemaphore,
  Filsvar,
  QueueFull,
  illegalTransition,
  notFound,
  pdfFil,
  stockholmDatum,
} from '@app/core';
import { ExternAtkomst, Fil, Remiss, Remisshandling, Remissinstans } from '@app/database';
import { ExternAtkomstRepository } from '@app/lankar';
import { DataSource, EntityManager } from 'typeorm';
import {
  PdfGranskning,
  Uppladdning,
  RemissRepository,
  Aviseringar,
  externtSvarEpost,
  RemissinstansRepository,
} from '@app/remiss';
import { ExternRemissResponse } from './extern.response';
import { OkandaLankar } from './okanda-lankar.service';

/** A link that cannot be used: 404 when unknown, 410 when used, expired or revoked, 409 when the remiss is closed. */
const OKAND = () => new DomainError('LINK_NOT_FOUND');
const GONE: Record<'anvand' | 'aterkallad' | 'utgangen', () => DomainError> = {
  anvand: () => new DomainError('LINK_USED'),
  aterkallad: () => new DomainError('LINK_REVOKED'),
  utgangen: () => new DomainError('LINK_EXPIRED'),
};

const ANSWER_IN_PROGRESS = () => new DomainError('LINK_ANSWER_IN_PROGRESS');

interface Tillgang {
  atkomst: ExternAtkomst;
  instans: Remissinstans;
  remiss: Remiss;
}

/** Why a link was refused; `atkomst` is the link when it exists. */
interface Nekad {
  atkomst?: ExternAtkomst;
  orsak: string;
  error: DomainError;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What an external remissinstans (no account) can do through its personal link: read the remiss
 * and its handlingar, answer with a PDF, or decline. Every refused use of an existing link is
 * audited; uses of unknown links are counted.
 */
@Injectable()
export class ExternService {
  /**
   * Link requests come from anyone on the internet: they may hold at most half the pool's
   * connections, so logins and everyone else keep the other half whatever a link storm does.
   */
  private readonly connectionSlots: FairSemaphore;
  /** Tokens of the links an answer is being given through in this process (oneAnswerAtATime). */
  private readonly answersInProgress = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lankar: ExternAtkomstRepository,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly arkiv: ArkivService,
    private readonly filer: FilRepository,
    private readonly granskning: PdfGranskning,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly okanda: OkandaLankar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.connectionSlots = new FairSemaphore(Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 2)), {
      waitMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
    });
  }

  get(token: string, handling: string): Promise<ExternRemissResponse> {
    return this.withConnectionSlot(() => this.read(token, handling));
  }

  private async read(token: string, handling: string): Promise<ExternRemissResponse> {
    const { instans, remiss } = await this.getTillgang(token, handling);
    const handlingar = await this.remisser.handlingar(this.dataSource.manager, remiss.id);
    const { organisation, enhet } = await this.remisser.avsandare(this.dataSource.manager, remiss);
    return {
      avsandare: { organisation: organisation.namn, enhet: enhet.namn },
      remiss: {
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        missiv: remiss.missiv,
        fragor: remiss.fragor,
        kontaktperson: {
          namn: remiss.kontaktpersonNamn,
          epost: remiss.kontaktpersonEpost,
          telefon: remiss.kontaktpersonTelefon,
        },
      },
      instans: { namn: instans.namn, status: instans.status, svarsdatum: instans.svarsdatum },
      handlingar: handlingar.map((h: Remisshandling) => ({ id: h.id, titel: h.titel, sidantal: h.sidantal })),
    };
  }

  handling(token: string, handlingId: string): Promise<Filsvar> {
    return this.withConnectionSlot(async () => {
      const { remiss } = await this.getTillgang(token, 'las_handling');
      const handling = (await this.remisser.handlingar(this.dataSource.manager, remiss.id)).find(
        (h) => h.id === handlingId,
      );
      if (!handling) throw notFound('Remisshandling');
      const { fil, data } = await this.filer.data(this.dataSource.manager, handling.filId);
      return pdfFil(fil.filnamn, data, 'attachment');
    });
  }

  missiv(token: string): Promise<Filsvar> {
    return this.withConnectionSlot(async () => {
      const { remiss } = await this.getTillgang(token, 'las_missiv');
      if (!remiss.missivFilId) throw notFound('Missiv');
      const { fil, data } = await this.filer.data(this.dataSource.manager, remiss.missivFilId);
      return pdfFil(fil.filnamn, data, 'inline');
    });
  }

  /** The answer as PDF: stored, registered as an inkommande handling of the sender, the instans besvarad. */
  async submitRemissvar(token: string, fil: Uppladdning | undefined): Promise<{ status: 'besvarad' }> {
    await this.withConnectionSlot(() => this.getTillgang(token, 'svara'));
    return this.oneAnswerAtATime(token, () => this.receiveRemissvar(token, fil));
  }

  private async receiveRemissvar(token: string, fil: Uppladdning | undefined): Promise<{ status: 'besvarad' }> {
    const pdf = await this.granskning.checkPdf(fil?.buffer, fil?.originalname || 'remissvar.pdf');
    const epost = await this.inTransaction(token, 'svara', async (m, { atkomst, instans, remiss }) => {
      const now = this.clock.now();
      const filnamn = dokumentFilnamn(remiss.diarienummer, instans.namn);
      const dokument = { filnamn, mimetyp: 'application/pdf', data: pdf.data, sha256: pdf.sha256 };
      const sparad = await this.registerHandling(m, remiss, instans, `Remissvar från ${instans.namn}`, dokument, now);
      await this.instanser.update(m, instans.id, { status: 'besvarad', besvaradAt: now, externSvarFilId: sparad.id });
      return this.finish(
        m,
        atkomst,
        instans,
        remiss,
        'externt_remissvar_mottaget',
        { filId: sparad.id, sha256: sparad.sha256, sidantal: pdf.sidor.length },
        now,
      );
    });
    await this.aviseringar.afterCommit({ epost });
    return { status: 'besvarad' };
  }

  async submitAvstaende(token: string, motivering: string | undefined): Promise<{ status: 'avstar' }> {
    await this.withConnectionSlot(() => this.getTillgang(token, 'avsta'));
    return this.oneAnswerAtATime(token, () => this.receiveAvstaende(token, motivering));
  }

  private async receiveAvstaende(token: string, motivering: string | undefined): Promise<{ status: 'avstar' }> {
    const epost = await this.inTransaction(token, 'avsta', async (m, { atkomst, instans, remiss }) => {
      const now = this.clock.now();
      await this.registerHandling(
        m,
        remiss,
        instans,
        `${instans.namn} avstår från att yttra sig${motivering ? `: ${motivering}` : ''}`,
        null,
        now,
      );
      await this.instanser.update(m, instans.id, {
        status: 'avstar',
        avstodAt: now,
        avstarMotivering: motivering ?? null,
      });
      return this.finish(m, atkomst, instans, remiss, 'extern_avstar', { motivering: motivering ?? null }, now);
    });
    await this.aviseringar.afterCommit({ epost });
    return { status: 'avstar' };
  }

  /**
   * One answer through a link at a time in a process (after the link's state was checked): only
   * one can win, so another that arrives meanwhile is refused at once (409 LINK_ANSWER_IN_PROGRESS) rather than waiting with its upload
   * in memory, checking a PDF and queueing on the instans' row lock. Between processes the row lock
   * in the transaction still decides.
   */
  private async oneAnswerAtATime<T>(token: string, work: () => Promise<T>): Promise<T> {
    if (this.answersInProgress.has(token)) throw ANSWER_IN_PROGRESS();
    this.answersInProgress.add(token);
    try {
      return await work();
    } finally {
      this.answersInProgress.delete(token);
    }
  }

  /** Runs `work` holding one of the link requests' connection slots; none free in time → 503 DATABASE_BUSY. */
  private async withConnectionSlot<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.connectionSlots.run('lank', work);
    } catch (e) {
      throw e instanceof QueueFull ? databaseBusy() : e;
    }
  }

  private async registerHandling<D extends HandlingsFil | null>(
    m: EntityManager,
    remiss: Remiss,
    instans: Remissinstans,
    beskrivning: string,
    dokument: D,
    now: Date,
  ): Promise<D extends null ? null : Fil> {
    const [{ fil }] = await this.arkiv.registerHandling(m, dokument, [
      {
        arendeId: remiss.arendeId!,
        riktning: 'inkommande',
        datum: stockholmDatum(now),
        motpart: instans.namn,
        beskrivning,
        registreradAv: null,
      },
    ]);
    return fil;
  }

  /** The link is spent, reminders stop, the audit log says which link was used, the kontaktperson is told (returns the queued mail ids). */
  private async finish(
    m: EntityManager,
    atkomst: ExternAtkomst,
    instans: Remissinstans,
    remiss: Remiss,
    handelse: string,
    data: Record<string, unknown>,
    now: Date,
  ): Promise<string[]> {
    await this.lankar.markUsed(m, atkomst.id, now);
    await this.aviseringar.paminnelser.cancelForInstans(m, instans.id);
    await this.audit.record(m, {
      organisationId: remiss.organisationId,
      anvandareId: null,
      handelse,
      objektTyp: 'remissinstans',
      objektId: instans.id,
      data: { ...data, atkomstId: atkomst.id },
    });
    const mail = externtSvarEpost(remiss, instans, handelse === 'extern_avstar');
    return mail ? this.aviseringar.enqueue(m, remiss.organisationId, [mail]) : [];
  }

  /** The link's instans and remiss when the link may be used now (read without locks); otherwise the refusal is audited and thrown. */
  private async getTillgang(token: string, handling: string): Promise<Tillgang> {
    const utfall = await this.check(this.dataSource.manager, token, false);
    if ('orsak' in utfall) return this.refuse(utfall, handling);
    return utfall;
  }

  /**
   * Runs `work` in one transaction when the link may be used, re-checked under the rows' locks.
   * A refusal is decided inside the transaction but audited after it ended: the audit row needs
   * a connection of its own (it must survive the refusal), and taking a second pool connection
   * while this one holds a transaction and row locks is how ten refused answers at once
   * exhausted the pool and stalled the platform.
   */
  private inTransaction<T>(
    token: string,
    handling: string,
    work: (m: EntityManager, tillgang: Tillgang) => Promise<T>,
  ): Promise<T> {
    return this.withConnectionSlot(async () => {
      const utfall = await this.dataSource.transaction(async (m) => {
        const provad = await this.check(m, token, true);
        return 'orsak' in provad ? provad : { klar: await work(m, provad) };
      });
      if ('orsak' in utfall) return this.refuse(utfall, handling);
      return utfall.klar;
    });
  }

  private async check(m: EntityManager, token: string, lock: boolean): Promise<Tillgang | Nekad> {
    const funnen = TOKEN.test(token) ? await this.lankar.findByToken(m, token) : null;
    return funnen ? this.hinder(m, funnen, lock) : { orsak: 'okand', error: OKAND() };
  }

  /**
   * Audits a refused link (outside any transaction, so the row stays) and throws the refusal.
   * Unknown tokens concern no link and are only counted (OkandaLankar).
   */
  private async refuse(nekad: Nekad, handling: string): Promise<never> {
    if (!nekad.atkomst) this.okanda.count(handling);
    else
      await this.audit.record(this.dataSource.manager, {
        organisationId: nekad.atkomst.organisationId,
        anvandareId: null,
        handelse: 'extern_lank_nekad',
        objektTyp: 'extern_atkomst',
        objektId: nekad.atkomst.id,
        data: { orsak: nekad.orsak, handling },
      });
    throw nekad.error;
  }

  /**
   * Why the link cannot be used now, if it cannot. With `lock` (inside the answering transaction)
   * the rows are locked in the platform's order — remissinstans, then remiss FOR SHARE, so a
   * concurrent återkalla or new link waits — and the link is read again under those locks.
   */
  private async hinder(m: EntityManager, funnen: ExternAtkomst, lock: boolean): Promise<Tillgang | Nekad> {
    const instans = await m.findOneOrFail(Remissinstans, {
      where: { id: funnen.remissinstansId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const remiss = await m.findOneOrFail(Remiss, {
      where: { id: instans.remissId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    const atkomst = lock ? await m.findOneByOrFail(ExternAtkomst, { id: funnen.id }) : funnen;
    if (atkomst.aterkalladAt) return { atkomst, orsak: 'aterkallad', error: GONE.aterkallad() };
    if (atkomst.anvandAt || instans.status === 'besvarad' || instans.status === 'avstar')
      return { atkomst, orsak: 'anvand', error: GONE.anvand() };
    if (remiss.status !== 'utskickad')
      return { atkomst, orsak: 'stangd', error: new DomainError('REMISS_CLOSED', { status: remiss.status }) };
    if (atkomst.giltigTill.getTime() < this.clock.now().getTime())
      return { atkomst, orsak: 'utgangen', error: GONE.utgangen() };
    if (instans.status !== 'inbjuden') throw illegalTransition('remissinstans', instans.status, 'svara');
    return { atkomst, instans, remiss };
  }
}
