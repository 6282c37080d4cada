import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainError, FairSemaphore, QueueFull } from '@app/core';
import { DECOY_HASH, verifyPassword } from '../password';

const CLIENT_QUEUE_FULL = new DomainError('TOO_MANY_REQUESTS', { orsak: 'inloggningsko', sekunder: 1 });
const LOGIN_BUSY = new DomainError('LOGIN_BUSY', { sekunder: 2 });

/**
 * argon2 verifications, LOGIN_HASH_CONCURRENCY at a time per process and one client IP after
 * another: each costs 64 MiB and a libuv thread for a few hundred milliseconds, so unbounded they
 * let one client's flood starve every other login (and the file system calls sharing those threads).
 */
@Injectable()
export class PasswordChecks {
  private readonly semaphore: FairSemaphore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.semaphore = new FairSemaphore(config.LOGIN_HASH_CONCURRENCY, {
      perClient: config.LOGIN_HASH_QUEUE_PER_CLIENT,
      total: config.LOGIN_HASH_QUEUE_MAX,
    });
  }

  /** Verifies against the account's hash, or the decoy's when there is no account, so both take as long. */
  async verify(client: string, hash: string | null | undefined, plain: string): Promise<boolean> {
    try {
      return await this.semaphore.run(client, () => verifyPassword(hash ?? DECOY_HASH, plain));
    } catch (e) {
      if (e instanceof QueueFull) throw e.scope === 'client' ? CLIENT_QUEUE_FULL : LOGIN_BUSY;
      throw e;
    }
  }
}
