import { ResourceLimits, Transferable, Worker } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The worker's entry file: `.js` in the build, `.ts` under Jest and ts-node (loaded through ts-node then). */
  entry: string;
  size: number;
  /** Tasks that may wait for a free worker; one more is refused with WorkerPoolFull. */
  maxQueue: number;
  /**
   * Wall time of one task; beyond it the worker is terminated and replaced. A task also waits at
   * most this long in the queue (then WorkerPoolFull), so no caller waits without end.
   */
  timeoutMs: number;
  /**
   * Longest a task may go between two progress reports (the worker posts `{ progress: true }`),
   * timed from its first report, so what comes before the first step is bounded by `timeoutMs`
   * alone; beyond it the task is ended as over time. Without it only `timeoutMs` bounds a task.
   */
  stepTimeoutMs?: number;
  resourceLimits: ResourceLimits;
  /** Given to every worker as `workerData`. */
  workerData?: unknown;
}

/** What a worker posts back: the task's result, and whether the worker is spent and must be replaced. */
export interface WorkerReply<Out> {
  result: Out;
  retire: boolean;
}

/** What a worker posts while a task goes on, to show it has passed a step (a page, say). */
export const WORKER_PROGRESS = { progress: true } as const;

export class WorkerPoolFull extends Error {}
/** The pool was closed (the process is stopping) before the task finished. */
export class WorkerPoolClosed extends Error {}
/** The task ran past `timeoutMs`, or (`step`) went `stepTimeoutMs` without reporting progress. */
export class WorkerTimeout extends Error {
  constructor(
    message: string,
    readonly step = false,
  ) {
    super(message);
  }
}
/** The worker died during the task; `outOfMemory` when it hit its heap limit. */
export class WorkerCrashed extends Error {
  constructor(
    message: string,
    readonly outOfMemory: boolean,
  ) {
    super(message);
  }
}

interface Task<In, Out> {
  input: In;
  transfer: Transferable[];
  resolve: (out: Out) => void;
  reject: (e: Error) => void;
  /** Refuses the task if no worker took it in time. */
  waiting?: NodeJS.Timeout;
}

interface Running<In, Out> {
  task: Task<In, Out>;
  timer: NodeJS.Timeout;
  step?: NodeJS.Timeout;
}

/**
 * A fixed number of worker threads, one task each at a time, a bounded queue in front. A task that
 * runs too long or exhausts its heap costs its own worker, which is replaced; the other tasks and
 * the main thread go on. Workers start when first needed and are unref'd, so an idle pool never
 * keeps the process alive.
 */
export class WorkerPool<In, Out> {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Running<In, Out>>();
  private readonly queue: Task<In, Out>[] = [];
  private size = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(input: In, transfer: Transferable[] = []): Promise<Out> {
    if (this.closed) return Promise.reject(new WorkerPoolClosed('worker pool closed'));
    if (this.idle.length === 0 && this.size >= this.options.size && this.queue.length >= this.options.maxQueue)
      return Promise.reject(new WorkerPoolFull('worker pool queue full'));
    return new Promise<Out>((resolve, reject) => {
      const task: Task<In, Out> = { input, transfer, resolve, reject };
      this.queue.push(task);
      this.pump();
      if (this.queue.includes(task)) {
        task.waiting = setTimeout(() => {
          this.queue.splice(this.queue.indexOf(task), 1);
          reject(new WorkerPoolFull(`no worker free within ${this.options.timeoutMs} ms`));
        }, this.options.timeoutMs);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      clearTimeout(task.waiting);
      task.reject(new WorkerPoolClosed('worker pool closed'));
    }
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    for (const [, r] of this.running) {
      clearTimeout(r.timer);
      clearTimeout(r.step);
      r.task.reject(new WorkerPoolClosed('worker pool closed'));
    }
    this.running.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.size < this.options.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      clearTimeout(task.waiting);
      const timer = setTimeout(
        () => this.retire(worker, new WorkerTimeout(`task exceeded ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      const running: Running<In, Out> = { task, timer };
      this.running.set(worker, running);
      worker.ref();
      worker.postMessage(task.input, task.transfer);
    }
  }

  private spawn(): Worker {
    const { entry, resourceLimits, workerData } = this.options;
    const worker = entry.endsWith('.ts')
      ? new Worker(
          `require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs', moduleResolution: 'node' } }); require(${JSON.stringify(entry)});`,
          { eval: true, resourceLimits, workerData },
        )
      : new Worker(entry, { resourceLimits, workerData });
    this.size++;
    worker.unref();
    worker.on('message', (message: WorkerReply<Out> | typeof WORKER_PROGRESS) => {
      const r = this.running.get(worker);
      if (!r) return;
      if ('progress' in message) return this.startStep(worker, r);
      const { result, retire } = message;
      clearTimeout(r.timer);
      clearTimeout(r.step);
      this.running.delete(worker);
      if (retire) {
        this.size--;
        void worker.terminate();
      } else {
        worker.unref();
        this.idle.push(worker);
      }
      r.task.resolve(result);
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) =>
      this.retire(worker, new WorkerCrashed(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY')),
    );
    worker.on('exit', (code) => this.retire(worker, new WorkerCrashed(`worker exited with code ${code}`, false)));
    return worker;
  }

  /** (Re)starts the running task's step deadline, when the pool has one. */
  private startStep(worker: Worker, r: Running<In, Out>): void {
    const { stepTimeoutMs } = this.options;
    if (stepTimeoutMs === undefined) return;
    clearTimeout(r.step);
    r.step = setTimeout(
      () => this.retire(worker, new WorkerTimeout(`no progress within ${stepTimeoutMs} ms`, true)),
      stepTimeoutMs,
    );
  }

  /** Takes a worker out of the pool (terminating it if alive), fails its task, and lets a new one take the queue. */
  private retire(worker: Worker, reason: Error): void {
    const r = this.running.get(worker);
    const known = r !== undefined || this.idle.includes(worker);
    if (!known) return;
    if (r) {
      clearTimeout(r.timer);
      clearTimeout(r.step);
      this.running.delete(worker);
      r.task.reject(reason);
    }
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    this.size--;
    void worker.terminate();
    this.pump();
  }
}
