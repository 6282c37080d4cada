import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, PlattformsLankar } from '@app/core';
import { EpostUtkorg } from '@app/mail';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../actor';
import { AuditLog } from '../audit-log.service';
import { PasswordChecks } from '../begransning/password-checks.service';
import { hashPassword } from '../password';
import { SessionRepository } from '../session.repository';
import { aterstallningEpost, inbjudanEpost } from './konto-epost';
import { KontoTokenRepository } from './konto-token.repository';
import { KontoLankResponse } from './konton.response';
import { assertLosenordGodkant } from './losenordsregler';

const LINK_INVALID = new DomainError('ACCOUNT_LINK_INVALID');

/** Who gets a one-time link, and for which organisation. */
export interface LankMottagare {
  anvandareId: string;
  organisationId: string;
  epost: string;
  namn: string;
}

/**
 * One's own password: set through an invitation's or a reset's one-time link, changed with the current one,
 * or reset by mail. Every change ends the account's other sessions and writes an audit event; argon2 runs
 * before the transaction, so no row is locked while a hash is computed.
 */
@Injectable()
export class KontoService {
  private readonly logger = new Logger('KontoService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: KontoTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly passwordChecks: PasswordChecks,
    private readonly utkorg: EpostUtkorg,
    private readonly lankar: PlattformsLankar,
  ) {}

  /** What the page of a one-time link shows; a used, expired or unknown link is 410. */
  async viewLank(token: string): Promise<KontoLankResponse> {
    const agare = await this.tokens.find(token);
    if (!agare) throw LINK_INVALID;
    return {
      syfte: agare.syfte,
      epost: agare.epost,
      namn: agare.namn,
      organisation: agare.organisationNamn,
      giltigTill: agare.expiresAt,
    };
  }

  /** Sets the password of the link's account and uses the link up; the account's sessions end. */
  async setPasswordWithLank(token: string, losenord: string): Promise<{ epost: string }> {
    const agare = await this.tokens.find(token);
    if (!agare) throw LINK_INVALID;
    assertLosenordGodkant(losenord, agare);
    const hash = await hashPassword(losenord);
    await this.dataSource.transaction(async (m) => {
      const used = await this.tokens.use(m, token);
      if (!used) throw LINK_INVALID;
      await m.query(`UPDATE anvandare SET losenord_hash = $2 WHERE id = $1`, [used.anvandareId, hash]);
      await this.sessions.deleteForUser(m, used.anvandareId);
      await this.audit.record(m, {
        organisationId: agare.organisationId,
        anvandareId: used.anvandareId,
        handelse: used.syfte === 'inbjudan' ? 'inbjudan_accepterad' : 'losenord_aterstallt',
        objektTyp: 'anvandare',
        objektId: used.anvandareId,
      });
    });
    return { epost: agare.epost };
  }

  /**
   * Changes the caller's own password: the current one is checked (in argon2's fair queue, as a login), the
   * new one against the rules; every other session of the account ends, `sessionToken`'s stays.
   */
  async changeOwnPassword(
    actor: Actor,
    sessionToken: string | undefined,
    nuvarande: string,
    nytt: string,
    klient: string,
  ): Promise<void> {
    const [row]: { losenord_hash: string | null }[] = await this.dataSource.query(
      `SELECT losenord_hash FROM anvandare WHERE id = $1`,
      [actor.anvandareId],
    );
    if (!(await this.passwordChecks.verify(klient, row?.losenord_hash, nuvarande)))
      throw new DomainError('WRONG_PASSWORD');
    assertLosenordGodkant(nytt, actor, 'nyttLosenord');
    const hash = await hashPassword(nytt);
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE anvandare SET losenord_hash = $2 WHERE id = $1`, [actor.anvandareId, hash]);
      const avslutade = await this.sessions.deleteForUser(m, actor.anvandareId, sessionToken);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'losenord_andrat',
        objektTyp: 'anvandare',
        objektId: actor.anvandareId,
        data: { andraSessionerAvslutade: avslutade },
      });
    });
  }

  /**
   * "Forgot my password": a reset link goes to the address when it is an active account's; the answer is the
   * same either way, so the form does not tell who has an account.
   */
  async requestReset(epost: string): Promise<void> {
    const [konto]: { id: string; organisation_id: string; epost: string; namn: string }[] = await this.dataSource.query(
      `SELECT id, organisation_id, epost, namn FROM anvandare WHERE lower(epost) = lower($1) AND aktiv`,
      [epost],
    );
    if (!konto) return;
    const mottagare = {
      anvandareId: konto.id,
      organisationId: konto.organisation_id,
      epost: konto.epost,
      namn: konto.namn,
    };
    const mail = await this.dataSource.transaction(async (m) => {
      const id = await this.enqueueReset(m, mottagare);
      await this.audit.record(m, {
        organisationId: konto.organisation_id,
        anvandareId: konto.id,
        handelse: 'losenord_aterstallning_begard',
        objektTyp: 'anvandare',
        objektId: konto.id,
      });
      return id;
    });
    await this.dispatch([mail]);
  }

  /** In the caller's transaction: a new reset link and its mail (an admin's "send a reset link" too). */
  async enqueueReset(m: EntityManager, till: LankMottagare): Promise<string> {
    const { token, expiresAt } = await this.tokens.issue(
      m,
      till.anvandareId,
      'aterstallning',
      this.config.PASSWORD_RESET_TTL_MINUTES * 60_000,
    );
    return this.utkorg.enqueue(
      m,
      till.organisationId,
      aterstallningEpost({
        till,
        lank: this.lankar.aterstallning(token),
        giltigTill: expiresAt,
        nyckel: `${till.anvandareId}.${expiresAt.getTime()}`,
      }),
    );
  }

  /** In the caller's transaction: an invitation link and its mail. */
  async enqueueInvitation(
    m: EntityManager,
    till: LankMottagare,
    avsandare: { organisation: string; inbjudare: string; roll?: string },
  ): Promise<{ mail: string; giltigTill: Date }> {
    const { token, expiresAt } = await this.tokens.issue(
      m,
      till.anvandareId,
      'inbjudan',
      this.config.INVITATION_TTL_HOURS * 3_600_000,
    );
    const mail = await this.utkorg.enqueue(
      m,
      till.organisationId,
      inbjudanEpost({
        till,
        ...avsandare,
        lank: this.lankar.inbjudan(token),
        giltigTill: expiresAt,
        nyckel: `${till.anvandareId}.${expiresAt.getTime()}`,
      }),
    );
    return { mail, giltigTill: expiresAt };
  }

  /** After commit: the mails to the sender; Redis being away only delays them (the reconciler sends them). */
  async dispatch(mails: string[]): Promise<void> {
    try {
      await this.utkorg.dispatch(mails);
    } catch (e) {
      this.logger.warn(`handing mails on failed; the reconciler will send them: ${(e as Error).message}`);
    }
  }
}
