import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError } from '@app/core';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit-log.service';
import { RATE_LIMIT_REDIS } from './rate-limit-redis.provider';

/** Who a lock keeps out: the client that guessed, or (after guesses from many clients) everyone. */
type Omfang = 'klient' | 'konto';

const locked = (omfang: Omfang, ttlMs: number) =>
  new DomainError('LOGIN_LOCKED', { forKlienten: omfang === 'klient', sekunder: ttlMs / 1000 });

/**
 * The per-account lock, in two tiers, so that guessing is stopped without handing anyone a way to
 * lock a kommun's people out: LOGIN_MAX_FAILURES wrong passwords in a row for an address from one
 * client (clientAddress) lock that client out of that address; LOGIN_MAX_FAILURES_ACCOUNT from all
 * clients together (guessing spread over many addresses) lock the address for everyone. Each
 * failure counts within LOGIN_LOCK_SECONDS of the last, and a lock lasts LOGIN_LOCK_SECONDS.
 * Counted in Redis by the address' hash, for unknown addresses too, so a lock does not tell whether
 * an account exists; only a real account's lock is audited, once per lock. Redis failing leaves
 * logins open (the per-process argon2 queue still bounds guessing).
 */
@Injectable()
export class KontoSparr {
  private readonly logger = new Logger('KontoSparr');

  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** 429 LOGIN_LOCKED while the address is locked for this client or for everyone; asked before any password is checked. */
  async assertOpen(epost: string, klient: string): Promise<void> {
    const keys = this.keys(epost, klient);
    const ttls = await this.orElse(
      () => this.redis.multi().pttl(keys.konto.sparr).pttl(keys.klient.sparr).exec(),
      null,
    );
    const [konto, klientens] = [Number(ttls?.[0]?.[1] ?? -2), Number(ttls?.[1]?.[1] ?? -2)];
    if (konto > 0) throw locked('konto', konto);
    if (klientens > 0) throw locked('klient', klientens);
  }

  /** Counts a wrong password; the one that reaches a limit sets that lock (and throws). */
  async recordFailure(
    epost: string,
    konto: { id: string; organisationId: string } | null,
    klient: string,
  ): Promise<void> {
    const keys = this.keys(epost, klient);
    const lockMs = this.config.LOGIN_LOCK_SECONDS * 1000;
    const counted = await this.orElse(
      () =>
        this.redis
          .multi()
          .incr(keys.konto.fel)
          .pexpire(keys.konto.fel, lockMs)
          .incr(keys.klient.fel)
          .pexpire(keys.klient.fel, lockMs)
          .exec(),
      null,
    );
    const [alla, klientens] = [Number(counted?.[0]?.[1] ?? 0), Number(counted?.[2]?.[1] ?? 0)];
    const omfang: Omfang | undefined =
      alla >= this.config.LOGIN_MAX_FAILURES_ACCOUNT
        ? 'konto'
        : klientens >= this.config.LOGIN_MAX_FAILURES
          ? 'klient'
          : undefined;
    if (!omfang) return;
    const lock = keys[omfang];
    // NX: of all attempts (in any process) that reach the limit together, one sets the lock and audits it.
    const first = await this.orElse(
      () => this.redis.multi().set(lock.sparr, klient, 'PX', lockMs, 'NX').del(lock.fel).exec(),
      null,
    );
    if (first?.[0]?.[1] === 'OK' && konto) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          organisationId: konto.organisationId,
          anvandareId: konto.id,
          handelse: 'inloggning_sparrad',
          objektTyp: 'anvandare',
          objektId: konto.id,
          data: {
            misslyckadeForsok: omfang === 'konto' ? alla : klientens,
            sparradSekunder: this.config.LOGIN_LOCK_SECONDS,
            sparradFor: omfang === 'konto' ? 'alla' : 'klienten',
            ip: klient,
          },
        }),
      );
    }
    throw locked(omfang, lockMs);
  }

  /**
   * A right password forgets this client's wrong ones before it. The count over all clients is
   * left to expire: a real user signing in must not reset what a spread-out guesser has used.
   */
  async clear(epost: string, klient: string): Promise<void> {
    await this.orElse(() => this.redis.del(this.keys(epost, klient).klient.fel), 0);
  }

  private keys(epost: string, klient: string) {
    const id = createHash('sha256').update(epost.toLowerCase()).digest('hex');
    const base = `${this.config.QUEUE_PREFIX}:kontosparr:${id}`;
    return {
      konto: { fel: `${base}:fel`, sparr: `${base}:sparr` },
      klient: { fel: `${base}:${klient}:fel`, sparr: `${base}:${klient}:sparr` },
    };
  }

  private async orElse<T>(command: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await command();
    } catch (e) {
      // The connection has logged the outage once (RATE_LIMIT_REDIS); every refused command would flood the log.
      this.logger.debug(`account lock skipped, Redis failed: ${(e as Error).message}`);
      return fallback;
    }
  }
}
