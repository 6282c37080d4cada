import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { REDIS_URL } from '@app/database';
import { Job, Worker } from 'bullmq';
import { UtkorgAvstamning } from './utkorg-avstamning.service';
import { AVSTAMNING_JOBB, bullmqConnection, UTKORG_BEHALL, UTKORG_KO, UtkorgKo } from './utkorg-ko.service';
import { SAMTIDIGA_SVEP, UtkorgJobbData, UtkorgSandare } from './utkorg-sandare.service';

/**
 * The BullMQ worker of the outbox, in the reminder-worker app (and in `platform`). It starts
 * once every kind has registered, reconciles at start and then on a Job Scheduler; on shutdown
 * it lets active jobs finish the rows they hold and takes no new ones.
 */
@Injectable()
export class UtkorgWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Utkorg');
  private worker?: Worker;
  private vakt?: NodeJS.Timeout;

  constructor(
    private readonly sandare: UtkorgSandare,
    private readonly avstamning: UtkorgAvstamning,
    private readonly ko: UtkorgKo,
    @Inject(REDIS_URL) private readonly redisUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(
      UTKORG_KO,
      (job: Job<UtkorgJobbData>, token?: string) =>
        job.name === AVSTAMNING_JOBB ? this.avstamning.run() : this.sandare.handle(job, token),
      {
        connection: bullmqConnection(this.redisUrl),
        prefix: this.config.QUEUE_PREFIX,
        // Each send job runs a sweep of everything due, so OUTBOX_CONCURRENCY rows are in flight among them (a running reconciliation takes a slot).
        concurrency: SAMTIDIGA_SVEP,
        lockDuration: this.config.OUTBOX_STALLED_MS,
        ...UTKORG_BEHALL,
        stalledInterval: this.config.OUTBOX_STALLED_MS,
      },
    );
    this.worker.on('error', (error) => this.logger.error(`worker: ${error.message}`));
    await this.schedule();
    this.reconcile();
    this.vakt = setInterval(() => void this.watch(), this.config.OUTBOX_RECONCILE_MS).unref();
  }

  /** The Job Scheduler lives in Redis: when it is gone, Redis lost its data; restore it and reconcile at once. */
  private async watch(): Promise<void> {
    try {
      if (await this.ko.queue.getJobScheduler(AVSTAMNING_JOBB)) return;
      this.logger.warn('the reconciler schedule is gone from Redis (flushed?): reconciling now');
      await this.schedule();
      this.reconcile();
    } catch (error) {
      this.logger.warn(`cannot check the reconciler schedule: ${(error as Error).message}`);
    }
  }

  private schedule() {
    return this.ko.queue.upsertJobScheduler(
      AVSTAMNING_JOBB,
      { every: this.config.OUTBOX_RECONCILE_MS },
      { name: AVSTAMNING_JOBB, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** In the background: a large backlog after a Redis flush must not hold up start-up. */
  private reconcile(): void {
    void this.avstamning.run().catch((error: Error) => this.logger.error(`reconciliation failed: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.vakt);
    this.sandare.stop();
    await this.worker?.close();
    await this.avstamning.done();
  }
}
