import { databaseBusy } from '@app/core';

/**
 * At most `limit` callers run `work` at once; the others wait in order, each at most `waitMs`
 * (then 503 DATABASE_BUSY). Keeps one kind of request — the personal links anyone on the
 * internet can call — from holding the whole connection pool: competing answers on one link
 * queue on its row lock, each holding a connection while it waits.
 */
export class Bulkhead {
  private running = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly limit: number,
    private readonly waitMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(databaseBusy());
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays as it is.
    if (next) next.start();
    else this.running--;
  }
}
