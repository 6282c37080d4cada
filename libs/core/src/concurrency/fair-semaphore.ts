/** Why a FairSemaphore refused a task: the client's own queue or the whole queue is full, or it waited `waitMs`. */
export class QueueFull extends Error {
  constructor(readonly scope: 'client' | 'total' | 'wait') {
    super(scope === 'wait' ? 'no slot became free in time' : `queue full (${scope})`);
  }
}

export interface FairSemaphoreLimits {
  /** Tasks one client may have waiting (default: no bound). */
  perClient?: number;
  /** Tasks that may wait in all (default: no bound). */
  total?: number;
  /** How long a task may wait for a slot (default: no bound). */
  waitMs?: number;
}

interface Waiter {
  resume: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * At most `concurrency` tasks at once; a freed slot goes to the waiting client served least
 * recently, so one client with a hundred tasks waiting delays another client's task by the rest
 * of one task per slot, not by the hundred. Queues may be bounded per client and in total (beyond,
 * `run` refuses at once with QueueFull) and in time (a task that waited `waitMs` is refused), so
 * that waits never grow without end. With one client it is a plain first-come semaphore.
 */
export class FairSemaphore {
  private running = 0;
  private waiting = 0;
  private served = 0;
  /** Waiting tasks per client (in the order clients began to wait, for ties). */
  private readonly queues = new Map<string, Waiter[]>();
  /** Per client with tasks running or waiting: when it was last given a slot. */
  private readonly lastServed = new Map<string, number>();
  private readonly runningBy = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly limits: FairSemaphoreLimits = {},
  ) {}

  async run<T>(client: string, task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency && this.waiting === 0) this.start(client);
    else await this.enqueue(client);
    try {
      return await task();
    } finally {
      this.finish(client);
    }
  }

  private enqueue(client: string): Promise<void> {
    const { perClient = Infinity, total = Infinity, waitMs } = this.limits;
    const queue = this.queues.get(client) ?? [];
    if (queue.length >= perClient) return Promise.reject(new QueueFull('client'));
    if (this.waiting >= total) return Promise.reject(new QueueFull('total'));
    this.waiting++;
    this.queues.set(client, queue);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resume: resolve };
      if (waitMs !== undefined)
        waiter.timer = setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          if (queue.length === 0 && this.queues.get(client) === queue) this.queues.delete(client);
          this.waiting--;
          reject(new QueueFull('wait'));
        }, waitMs);
      queue.push(waiter);
    });
  }

  private start(client: string): void {
    this.running++;
    this.runningBy.set(client, (this.runningBy.get(client) ?? 0) + 1);
    this.lastServed.set(client, ++this.served);
  }

  private finish(client: string): void {
    this.running--;
    const left = this.runningBy.get(client)! - 1;
    if (left > 0) this.runningBy.set(client, left);
    else {
      this.runningBy.delete(client);
      if (!this.queues.has(client)) this.lastServed.delete(client);
    }
    const next = this.nextClient();
    if (next === undefined) return;
    const queue = this.queues.get(next)!;
    const waiter = queue.shift()!;
    clearTimeout(waiter.timer);
    if (queue.length === 0) this.queues.delete(next);
    this.waiting--;
    this.start(next);
    waiter.resume();
  }

  /** The waiting client given a slot least recently (never, for a newcomer). */
  private nextClient(): string | undefined {
    let next: string | undefined;
    let nextServed = Infinity;
    for (const client of this.queues.keys()) {
      const served = this.lastServed.get(client) ?? 0;
      if (served < nextServed) [next, nextServed] = [client, served];
    }
    return next;
  }
}
