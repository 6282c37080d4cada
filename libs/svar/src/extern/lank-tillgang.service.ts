import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@app/auth';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  databaseBusy,
  DomainError,
  FairSemaphore,
  illegalTransition,
  Kontaktuppgift,
  PlattformsLankar,
  QueueFull,
} from '@app/core';
import { ExternAtkomst, Remiss, Remissinstans } from '@app/database';
import { ExternAtkomstRepository } from '@app/lankar';
import { KoadEpost } from '@app/mail';
import { Aviseringar, externtSvarEpost } from '@app/remiss';
import { DataSource, EntityManager } from 'typeorm';
import { OkandaLankar } from './okanda-lankar.service';

/**
 * What a use of a link does: `svara` writes (an answer, a draft, avstår) and needs the link open;
 * `visa` reads, and may also after the answer was sent, until the link expires.
 */
export type Anvandning = 'svara' | 'visa';

export interface Tillgang {
  atkomst: ExternAtkomst;
  instans: Remissinstans;
  remiss: Remiss;
  /** The instans has answered or declined: the link shows what was sent, read-only. */
  besvarad: boolean;
}

/** Why a known link was refused: in the audit log `orsak`, for a page the words to show. */
export type Nekandeorsak = 'anvand' | 'aterkallad' | 'stangd' | 'utgangen';

/** A refused link; `atkomst` and `remiss` are there when the link exists. */
export interface Nekad {
  atkomst?: ExternAtkomst;
  remiss?: Remiss;
  orsak: Nekandeorsak | 'okand';
  error: DomainError;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const kontaktpersonAv = (remiss: Remiss): Kontaktuppgift => ({
  namn: remiss.kontaktpersonNamn,
  epost: remiss.kontaktpersonEpost,
  telefon: remiss.kontaktpersonTelefon,
});

/**
 * Whether a personal link may be used now, and the fences every use of one passes: link requests
 * come from anyone on the internet, so they hold at most half the pool's connections, and one
 * answer through a link is received at a time per process. Every refused use of an existing link
 * is audited; uses of unknown links are counted. The external answer's services (PDF, avstår,
 * the structured form) all go through here.
 */
@Injectable()
export class LankTillgang {
  private readonly connectionSlots: FairSemaphore;
  /** Tokens of the links an answer is being given through in this process (oneAnswerAtATime). */
  private readonly answersInProgress = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lankar: ExternAtkomstRepository,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly okanda: OkandaLankar,
    private readonly clock: Clock,
    private readonly plattform: PlattformsLankar,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.connectionSlots = new FairSemaphore(Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 2)), {
      waitMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
    });
  }

  /** Runs `work` holding one of the link requests' connection slots; none free in time → 503 DATABASE_BUSY. */
  async withConnectionSlot<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.connectionSlots.run('lank', work);
    } catch (e) {
      throw e instanceof QueueFull ? databaseBusy() : e;
    }
  }

  /**
   * One answer through a link at a time in a process (after the link's state was checked): only
   * one can win, so another that arrives meanwhile is refused at once (409 LINK_ANSWER_IN_PROGRESS)
   * rather than waiting with its upload in memory, checking a PDF, rendering one, and queueing on
   * the instans' row lock. Between processes the row lock in the transaction still decides.
   */
  async oneAnswerAtATime<T>(token: string, work: () => Promise<T>): Promise<T> {
    if (this.answersInProgress.has(token)) throw new DomainError('LINK_ANSWER_IN_PROGRESS');
    this.answersInProgress.add(token);
    try {
      return await work();
    } finally {
      this.answersInProgress.delete(token);
    }
  }

  /** The link's rows when it may be used now (read without locks, in the caller's slot); otherwise the refusal is audited and thrown. */
  async get(token: string, handling: string, anvandning: Anvandning): Promise<Tillgang> {
    const utfall = await this.tryGet(token, handling, anvandning);
    if ('orsak' in utfall) throw utfall.error;
    return utfall;
  }

  /** As `get`, but a refusal (audited) is returned, so a page can say why and whom to ask. */
  async tryGet(token: string, handling: string, anvandning: Anvandning): Promise<Tillgang | Nekad> {
    const utfall = await this.check(this.dataSource.manager, token, anvandning, false);
    if ('orsak' in utfall) await this.recordRefusal(utfall, handling);
    return utfall;
  }

  /**
   * Runs `work` in one transaction when the link may be used to answer, re-checked under the rows'
   * locks. A refusal is decided inside the transaction but audited after it ended: the audit row
   * needs a connection of its own (it must survive the refusal), and taking a second pool
   * connection while this one holds a transaction and row locks is how ten refused answers at once
   * exhausted the pool and stalled the platform.
   */
  inTransaction<T>(
    token: string,
    handling: string,
    work: (m: EntityManager, tillgang: Tillgang) => Promise<T>,
  ): Promise<T> {
    return this.withConnectionSlot(async () => {
      const utfall = await this.dataSource.transaction(async (m) => {
        const provad = await this.check(m, token, 'svara', true);
        return 'orsak' in provad ? provad : { klar: await work(m, provad) };
      });
      if ('orsak' in utfall) {
        await this.recordRefusal(utfall, handling);
        throw utfall.error;
      }
      return utfall.klar;
    });
  }

  /**
   * The answer is in: the link is spent, reminders stop, the audit log says which link was used,
   * the remiss' kontaktperson is told, and `andra` mails (a kvittens) are queued. Returns the
   * queued mails' ids, to dispatch after commit.
   */
  async finish(
    m: EntityManager,
    { atkomst, instans, remiss }: Tillgang,
    handelse: string,
    data: Record<string, unknown>,
    andra: KoadEpost[] = [],
  ): Promise<string[]> {
    await this.lankar.markUsed(m, atkomst.id, this.clock.now());
    await this.aviseringar.paminnelser.cancelForInstans(m, instans.id);
    await this.audit.record(m, {
      organisationId: remiss.organisationId,
      anvandareId: null,
      handelse,
      objektTyp: 'remissinstans',
      objektId: instans.id,
      data: { ...data, atkomstId: atkomst.id },
    });
    const mail = externtSvarEpost(remiss, instans, handelse === 'extern_avstar', this.plattform.remiss(remiss.id));
    return this.aviseringar.enqueue(m, remiss.organisationId, [...(mail ? [mail] : []), ...andra]);
  }

  private async check(
    m: EntityManager,
    token: string,
    anvandning: Anvandning,
    lock: boolean,
  ): Promise<Tillgang | Nekad> {
    const funnen = TOKEN.test(token) ? await this.lankar.findByToken(m, token) : null;
    return funnen
      ? this.hinder(m, funnen, anvandning, lock)
      : { orsak: 'okand', error: new DomainError('LINK_NOT_FOUND') };
  }

  /** Audits a refused link (outside any transaction, so the row stays). Unknown tokens concern no link and are only counted. */
  private async recordRefusal(nekad: Nekad, handling: string): Promise<void> {
    if (!nekad.atkomst) {
      this.okanda.count(handling);
      return;
    }
    await this.audit.record(this.dataSource.manager, {
      organisationId: nekad.atkomst.organisationId,
      anvandareId: null,
      handelse: 'extern_lank_nekad',
      objektTyp: 'extern_atkomst',
      objektId: nekad.atkomst.id,
      data: { orsak: nekad.orsak, handling },
    });
  }

  /**
   * Why the link cannot be used now, if it cannot. With `lock` (inside the answering transaction)
   * the rows are locked in the platform's order — remissinstans, then remiss FOR SHARE, so a
   * concurrent återkalla or new link waits — and the link is read again under those locks.
   */
  private async hinder(
    m: EntityManager,
    funnen: ExternAtkomst,
    anvandning: Anvandning,
    lock: boolean,
  ): Promise<Tillgang | Nekad> {
    const instans = await m.findOneOrFail(Remissinstans, {
      where: { id: funnen.remissinstansId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const remiss = await m.findOneOrFail(Remiss, {
      where: { id: instans.remissId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    const atkomst = lock ? await m.findOneByOrFail(ExternAtkomst, { id: funnen.id }) : funnen;
    const nekad = (orsak: Nekandeorsak, error: DomainError): Nekad => ({ atkomst, remiss, orsak, error });
    const kontaktperson = kontaktpersonAv(remiss);
    if (atkomst.aterkalladAt) return nekad('aterkallad', new DomainError('LINK_REVOKED', { kontaktperson }));
    const besvarad = !!atkomst.anvandAt || instans.status === 'besvarad' || instans.status === 'avstar';
    if (besvarad && anvandning === 'svara') return nekad('anvand', new DomainError('LINK_USED'));
    if (remiss.status !== 'utskickad')
      return nekad('stangd', new DomainError('REMISS_CLOSED', { status: remiss.status }));
    if (atkomst.giltigTill.getTime() < this.clock.now().getTime())
      return nekad('utgangen', new DomainError('LINK_EXPIRED', { kontaktperson }));
    if (!besvarad && instans.status !== 'inbjuden' && instans.status !== 'under_beredning')
      throw illegalTransition('remissinstans', instans.status, 'svara');
    return { atkomst, instans, remiss, besvarad };
  }
}
