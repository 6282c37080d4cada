import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError } from '@app/core';
import { DataSource } from 'typeorm';
import { Actor } from './actor';
import { AnvandareRepository } from './anvandare.repository';
import { AuditLog } from './audit-log.service';
import { KontoSparr } from './begransning/kontosparr.service';
import { PasswordChecks } from './begransning/password-checks.service';
import { LiveSession, SessionRepository } from './session.repository';

const WRONG_LOGIN = new DomainError('INVALID_CREDENTIALS');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly anvandare: AnvandareRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly kontosparr: KontoSparr,
    private readonly passwordChecks: PasswordChecks,
  ) {}

  get sessionTtlMs(): number {
    return Math.min(this.config.SESSION_TTL_HOURS, this.config.SESSION_MAX_HOURS) * 3600_000;
  }

  /** The absolute lifetime of a session, however busy (OWASP ASVS 3.3.2: re-authenticate within 12 hours). */
  get sessionMaxMs(): number {
    return this.config.SESSION_MAX_HOURS * 3600_000;
  }

  /**
   * Returns the new session's cookie token and CSRF token; a wrong e-mail or password is one and the same 401. A locked
   * address is refused before its password is checked; `klient` (the IP) takes its turn for argon2.
   */
  async login(
    epost: string,
    losenord: string,
    klient: string,
  ): Promise<{ token: string; csrfToken: string; actor: Actor }> {
    await this.kontosparr.assertOpen(epost, klient);
    const user = await this.anvandare.findForLogin(epost);
    const ok = await this.passwordChecks.verify(klient, user?.losenordHash, losenord);
    if (!user || !ok) {
      await this.kontosparr.recordFailure(epost, user, klient);
      throw WRONG_LOGIN;
    }
    await this.kontosparr.clear(epost, klient);
    const { token, csrfToken } = await this.dataSource.transaction(async (manager) => {
      const created = await this.sessions.create(manager, user.id, this.sessionTtlMs);
      await this.audit.record(manager, {
        organisationId: user.organisationId,
        anvandareId: user.id,
        handelse: 'inloggning',
        objektTyp: 'anvandare',
        objektId: user.id,
      });
      return created;
    });
    const actor = await this.anvandare.loadActor(user.id);
    return { token, csrfToken, actor: actor! };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.delete(manager, token);
      if (session)
        await this.audit.record(manager, {
          organisationId: null,
          anvandareId: session.anvandareId,
          handelse: 'utloggning',
          objektTyp: 'anvandare',
          objektId: session.anvandareId,
        });
    });
  }

  /** The actor (and CSRF token) behind a session token, or null when the token is unknown or expired. */
  async authenticate(token: string): Promise<LiveSession | null> {
    return this.sessions.findActor(token, this.sessionTtlMs, this.sessionMaxMs);
  }
}
