import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, svenskVantetid, tooManyRequests } from '@app/core';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit-log';
import { RATE_LIMIT_REDIS } from './rate-limit-redis';

const locked = (ttlMs: number) => {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return tooManyRequests(
    'LOGIN_LOCKED',
    `Too many wrong passwords; the account is locked for ${seconds} more seconds`,
    `För många felaktiga inloggningsförsök. Kontot är spärrat i ${svenskVantetid(seconds)} till.`,
    seconds,
  );
};

/**
 * The per-account lock: LOGIN_MAX_FAILURES wrong passwords in a row (each within
 * LOGIN_LOCK_SECONDS of the last) lock the e-mail address for LOGIN_LOCK_SECONDS, whichever IPs
 * they came from. Counted in Redis by the address' hash, for unknown addresses too, so a lock
 * does not tell whether an account exists; only a real account's lock is audited, once.
 * Redis failing leaves logins open (the per-process argon2 queue still bounds guessing).
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

  /** 429 LOGIN_LOCKED while the address is locked; asked before any password is checked. */
  async assertOpen(epost: string): Promise<void> {
    const ttl = await this.orElse(() => this.redis.pttl(this.keys(epost).sparr), -2);
    if (ttl > 0) throw locked(ttl);
  }

  /** Counts a wrong password; the one that reaches the limit locks the address (and throws). */
  async recordFailure(epost: string, konto: { id: string; organisationId: string } | null, ip: string): Promise<void> {
    const keys = this.keys(epost);
    const lockMs = this.config.LOGIN_LOCK_SECONDS * 1000;
    const counted = await this.orElse(() => this.redis.multi().incr(keys.fel).pexpire(keys.fel, lockMs).exec(), null);
    const failures = Number(counted?.[0]?.[1] ?? 0);
    if (failures < this.config.LOGIN_MAX_FAILURES) return;
    // NX: of all attempts (in any process) that reach the limit together, one sets the lock and audits it.
    const first = await this.orElse(() => this.redis.multi().set(keys.sparr, ip, 'PX', lockMs, 'NX').del(keys.fel).exec(), null);
    if (first?.[0]?.[1] === 'OK' && konto) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          organisationId: konto.organisationId,
          anvandareId: konto.id,
          handelse: 'inloggning_sparrad',
          objektTyp: 'anvandare',
          objektId: konto.id,
          data: { misslyckadeForsok: failures, sparradSekunder: this.config.LOGIN_LOCK_SECONDS, ip },
        }),
      );
    }
    throw locked(lockMs);
  }

  /** A right password forgets the wrong ones before it. */
  async clear(epost: string): Promise<void> {
    await this.orElse(() => this.redis.del(this.keys(epost).fel), 0);
  }

  private keys(epost: string) {
    const id = createHash('sha256').update(epost.toLowerCase()).digest('hex');
    const base = `${this.config.QUEUE_PREFIX}:kontosparr:${id}`;
    return { fel: `${base}:fel`, sparr: `${base}:sparr` };
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
