import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@app/auth';
import { Clock } from '@app/core';
import { DataSource } from 'typeorm';

/** How often the count of unknown links is written. */
const INTERVALL_MS = 60_000;

/**
 * Uses of link tokens that do not exist (or are malformed) are counted, not audited one row each:
 * the audit log is append-only, and a client guessing tokens would write a row per guess (figures in docs/architecture.md).
 * A guess concerns no link, organisation or person, so one summary row per process and minute
 * (`extern_lank_okand`: how many, between when, per action) keeps what an investigation needs —
 * that guessing happened, when and how much — at most 1,440 rows a day whatever the rate.
 * Refusals of links that exist stay audited one by one (`extern_lank_nekad`).
 */
@Injectable()
export class OkandaLankar implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('OkandaLankar');
  private perHandling: Record<string, number> = {};
  private fran: Date | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), INTERVALL_MS);
    this.timer.unref();
  }

  count(handling: string): void {
    this.fran ??= this.clock.now();
    this.perHandling[handling] = (this.perHandling[handling] ?? 0) + 1;
  }

  /** Writes what was counted since the last summary as one audit row (none when nothing was). */
  async flush(): Promise<void> {
    const { perHandling, fran } = this;
    if (!fran) return;
    this.perHandling = {};
    this.fran = null;
    const antal = Object.values(perHandling).reduce((a, b) => a + b, 0);
    try {
      await this.audit.record(this.dataSource.manager, {
        organisationId: null,
        anvandareId: null,
        handelse: 'extern_lank_okand',
        data: { antal, fran: fran.toISOString(), till: this.clock.now().toISOString(), perHandling },
      });
    } catch (e) {
      // Counted again with the next summary rather than lost.
      for (const [handling, n] of Object.entries(perHandling))
        this.perHandling[handling] = (this.perHandling[handling] ?? 0) + n;
      this.fran = fran;
      this.logger.warn(`writing the count of ${antal} unknown links failed: ${(e as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
