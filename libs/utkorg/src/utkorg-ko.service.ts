import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, withTimeout } from '@app/core';
import { REDIS, REDIS_URL, redisIsAway, redisOptions } from '@app/database';
import { ConnectionOptions, Job, JobType, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { UtkorgJobb } from './utkorg-typ';

export const UTKORG_KO = 'utkorg';
/** The Job Scheduler that runs the reconciler every OUTBOX_RECONCILE_MS. */
export const AVSTAMNING_JOBB = 'avstamning';
/** Finished jobs: a completed one is gone at once (its row says it was sent); the last 5,000 failed ones stay for the admin view. */
export const UTKORG_BEHALL = { removeOnComplete: { count: 0 }, removeOnFail: { count: 5000 } } as const;

const BULK = 5000;

/** Where a row's job stands in Redis, as the reconciler needs to know it. */
export type Jobbstatus = 'saknas' | 'avslutad' | 'vantar';

/** ioredis' options, typed as BullMQ's connection options (the two packages type `tls` differently). */
export const bullmqConnection = (redisUrl: string) => redisOptions(redisUrl) as ConnectionOptions;

/** BullMQ job ids may contain neither ':' nor only digits: `paminnelse-<uuid>`. */
export const jobbId = (typ: string, id: string) => `${typ}-${id}`;

/**
 * The BullMQ queue of the outbox: it carries only timing (a delayed job per row, with a
 * deterministic id so adding one twice is harmless); the rows in PostgreSQL are the truth.
 */
@Injectable()
export class UtkorgKo implements BeforeApplicationShutdown {
  readonly queue: Queue;
  private readonly logger = new Logger('UtkorgKo');
  private readonly efterCommitMs: number;

  constructor(
    @Inject(REDIS_URL) redisUrl: string,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.efterCommitMs = config.QUEUE_ADD_TIMEOUT_MS;
    this.queue = new Queue(UTKORG_KO, {
      connection: bullmqConnection(redisUrl),
      prefix: config.QUEUE_PREFIX,
      // How long finished jobs are kept is the worker's setting (UTKORG_BEHALL): on every job it would be
      // stored and parsed 240,000 times for a kommun's reminders.
      defaultJobOptions: {
        // Only unexpected errors (the database away) use BullMQ's retries; SMTP failures are retried by the row's own backoff.
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
      },
    });
  }

  /** Adds (or, for ids already queued, leaves) a delayed job per row; the delay comes from the Clock. */
  async add(jobb: UtkorgJobb[]): Promise<void> {
    const nu = this.clock.now().getTime();
    for (let i = 0; i < jobb.length; i += BULK) {
      await this.queue.addBulk(
        jobb.slice(i, i + BULK).map((j) => ({
          name: j.typ,
          data: { id: j.id },
          opts: { jobId: jobbId(j.typ, j.id), delay: Math.max(0, j.at.getTime() - nu) },
        })),
      );
    }
  }

  /**
   * After a commit: adds the jobs if Redis takes them within QUEUE_ADD_TIMEOUT_MS, and otherwise
   * only logs. The rows are committed; the reconciler gives every planned row without a job its
   * job again, so the caller (an HTTP response) must not wait for Redis to come back. With Redis
   * known to be away it does not even try: commands would pile up in ioredis' offline queue.
   */
  async addAfterCommit(jobb: UtkorgJobb[]): Promise<void> {
    if (!jobb.length) return;
    if (redisIsAway(this.redis)) {
      this.logger.warn(`Redis is not connected: ${jobb.length} job(s) are left to the reconciler`);
      return;
    }
    try {
      await withTimeout(
        this.add(jobb),
        this.efterCommitMs,
        () => new Error(`Redis did not take them within QUEUE_ADD_TIMEOUT_MS (${this.efterCommitMs} ms)`),
      );
    } catch (e) {
      this.logger.warn(
        `queueing ${jobb.length} job(s) after commit failed; the reconciler will: ${(e as Error).message}`,
      );
    }
  }

  /** For many jobs at once: missing, finished (completed or failed), or still to run. */
  async status(jobbIds: string[]): Promise<Jobbstatus[]> {
    const pipeline = this.redis.pipeline();
    for (const id of jobbIds) pipeline.hmget(this.queue.toKey(id), 'name', 'finishedOn');
    const svar = (await pipeline.exec()) ?? [];
    return svar.map(([error, value]) => {
      if (error) throw error;
      const [name, finishedOn] = value as [string | null, string | null];
      return name === null ? 'saknas' : finishedOn !== null ? 'avslutad' : 'vantar';
    });
  }

  async remove(jobbIds: string[]): Promise<void> {
    for (const id of jobbIds) await this.queue.remove(id);
  }

  /** A job waiting for a later time whose row is already due (the clock moved): run it now. */
  async promote(id: string): Promise<boolean> {
    const job = await Job.fromId(this.queue, id);
    if (!job || (await job.getState()) !== 'delayed') return false;
    await job.promote().catch(() => undefined); // a worker may have taken it in between
    return true;
  }

  async count(): Promise<Record<string, number>> {
    const typer: JobType[] = ['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'];
    return this.queue.getJobCounts(...typer);
  }

  async listMisslyckade(start = 0, slut = 99): Promise<Job[]> {
    return this.queue.getFailed(start, slut);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
