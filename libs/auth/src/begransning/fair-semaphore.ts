/** Why a FairSemaphore refused to queue a task: the client's own queue, or the whole queue, is full. */
export class QueueFull extends Error {
  constructor(readonly scope: 'client' | 'total') {
    super(`queue full (${scope})`);
  }
}

/**
 * At most `concurrency` tasks at once; a freed slot goes to the waiting client served least
 * recently, so one client with a hundred tasks waiting delays another client's task by the rest
 * of one task per slot, not by the hundred. Queues are bounded per client and in total: beyond,
 * `run` refuses at once with QueueFull rather than letting waits grow without end.
 */
export class FairSemaphore {
  private running = 0;
  private waiting = 0;
  private served = 0;
  /** Waiting tasks per client (in the order clients began to wait, for ties). */
  private readonly queues = new Map<string, Array<() => void>>();
  /** Per client with tasks running or waiting: when it was last given a slot. */
  private readonly lastServed = new Map<string, number>();
  private readonly runningBy = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly maxPerClient: number,
    private readonly maxTotal: number,
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
    const queue = this.queues.get(client) ?? [];
    if (queue.length >= this.maxPerClient) return Promise.reject(new QueueFull('client'));
    if (this.waiting >= this.maxTotal) return Promise.reject(new QueueFull('total'));
    this.waiting++;
    this.queues.set(client, queue);
    return new Promise((resolve) => queue.push(resolve));
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
    const resume = queue.shift()!;
    if (queue.length === 0) this.queues.delete(next);
    this.waiting--;
    this.start(next);
    resume();
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
