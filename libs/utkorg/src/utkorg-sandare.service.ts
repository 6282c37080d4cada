import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { UtkorgKo } from './utkorg-ko.service';
import { Ansprak, Tagen, UtkorgRader } from './utkorg-rader.repository';
import { UtkorgJobb, UtkorgTyp, UtkorgUtfall } from './utkorg-typ';
import { UtkorgTyper } from './utkorg-typer.service';

export interface UtkorgJobbData {
  id: string;
}

/** Exponential backoff by attempt (1, 2, 3 …), capped. */
export function vantetid(forsok: number, basMs: number, maxMs: number): number {
  return Math.min(maxMs, basMs * 2 ** Math.max(0, forsok - 1));
}

/** What became of a row in a sweep, or why its job found nothing to do. */
type Utfall =
  | Exclude<Ansprak, { utfall: 'tagen' }>
  | { utfall: 'utford'; kvitto?: string }
  | { utfall: 'avbruten'; orsak: string }
  | { utfall: 'forsokIgen'; at: Date; fel: string };

/**
 * Sweeps running at once per worker (the BullMQ concurrency of the outbox). Each sends until
 * nothing is due, so a few keep PostgreSQL, SMTP and this process busy at the same time; more
 * would only churn the jobs of rows a sweep already took.
 */
export const SAMTIDIGA_SVEP = 4;

/**
 * Works off the outbox rows. A job does not take only its own row: it starts a sweep that claims
 * its row and the other due rows of its kind, OUTBOX_CONCURRENCY / SAMTIDIGA_SVEP at a time
 * (`planerad → skickar` with a lease, one statement), has the kind do their work, settles the
 * outcomes in one transaction (`skickad`; `misslyckad`; `avbruten`; or back to `planerad` with a
 * backoff), and claims the next due rows until none are left. The job of a row another sweep took
 * finds it `skickar` and waits for that lease, or finds it done.
 */
@Injectable()
export class UtkorgSandare {
  private readonly logger = new Logger('Utkorg');
  /** Set at shutdown: sweeps finish the rows they hold and claim no more. */
  private stoppar = false;

  constructor(
    private readonly typer: UtkorgTyper,
    private readonly rader: UtkorgRader,
    private readonly ko: UtkorgKo,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  stop(): void {
    this.stoppar = true;
  }

  async handle(job: Job<UtkorgJobbData>, token?: string): Promise<string> {
    const utfall = await this.sweep(this.typer.get(job.name), job.data.id);
    switch (utfall.utfall) {
      case 'klar':
        return 'inget att göra';
      case 'senare':
      case 'forsokIgen':
        return this.postpone(job, token, utfall.at);
      case 'utford':
        return 'utförd';
      case 'avbruten':
        return `avbruten: ${utfall.orsak}`;
      case 'misslyckad':
        throw new UnrecoverableError(utfall.orsak);
    }
  }

  /** The job's own row, then every other due row, a batch at a time; answers for the own row. */
  private async sweep(typ: UtkorgTyp, id: string): Promise<Utfall> {
    const batch = Math.max(1, Math.floor(this.config.OUTBOX_CONCURRENCY / SAMTIDIGA_SVEP));
    const {
      ansprak: [eget],
      svepta,
    } = await this.rader.claim(typ.tabell, [id], this.clock.now(), this.config.OUTBOX_LEASE_MS, batch - 1);
    const utfall = await this.performAll(
      typ,
      eget.utfall === 'tagen' ? [{ id, forsok: eget.forsok }, ...svepta] : svepta,
    );
    // A full batch means more may be due: go on until a claim comes back short.
    for (let fullt = svepta.length === batch - 1; fullt && !this.stoppar;) {
      const { svepta: nasta } = await this.rader.claim(
        typ.tabell,
        [],
        this.clock.now(),
        this.config.OUTBOX_LEASE_MS,
        batch,
      );
      await this.performAll(typ, nasta);
      fullt = nasta.length === batch;
    }
    return utfall.get(id) ?? (eget as Utfall);
  }

  private async performAll(typ: UtkorgTyp, tagna: Tagen[]): Promise<Map<string, Utfall>> {
    const utfall = new Map<string, Utfall>();
    if (!tagna.length) return utfall;
    let rapport: Map<string, UtkorgUtfall>;
    try {
      rapport = await typ.perform(
        tagna.map((t) => t.id),
        this.clock.now(),
      );
    } catch (error) {
      rapport = new Map(tagna.map((t) => [t.id, { utfall: 'fel', fel: (error as Error).message }]));
    }
    for (const t of tagna) {
      const u = rapport.get(t.id) ?? { utfall: 'avbruten', orsak: 'raden finns inte längre' };
      utfall.set(t.id, u.utfall === 'fel' ? this.afterFailure(t.forsok, u.fel) : u);
    }
    await this.settle(typ, utfall);
    return utfall;
  }

  /** A transient failure at the last attempt ends the row; before it, the row is tried again after a backoff. */
  private afterFailure(forsok: number, fel: string): Utfall {
    if (forsok >= this.config.OUTBOX_MAX_ATTEMPTS)
      return { utfall: 'misslyckad', orsak: `gav upp efter ${forsok} försök: ${fel}` };
    const at = new Date(
      this.clock.now().getTime() + vantetid(forsok, this.config.OUTBOX_RETRY_BASE_MS, this.config.OUTBOX_RETRY_MAX_MS),
    );
    return { utfall: 'forsokIgen', at, fel };
  }

  /** Every outcome of a sweep in one transaction; the weekly reminders it plans are queued after commit. */
  private async settle(typ: UtkorgTyp, utfall: Map<string, Utfall>): Promise<void> {
    const nu = this.clock.now();
    const utforda: { id: string; kvitto?: string }[] = [];
    const avslutade: { id: string; status: 'misslyckad' | 'avbruten'; orsak: string }[] = [];
    const igen: { id: string; at: Date; fel: string }[] = [];
    for (const [id, u] of utfall) {
      if (u.utfall === 'utford') utforda.push({ id, kvitto: u.kvitto });
      else if (u.utfall === 'avbruten' || u.utfall === 'misslyckad')
        avslutade.push({ id, status: u.utfall, orsak: u.orsak });
      else if (u.utfall === 'forsokIgen') igen.push({ id, at: u.at, fel: u.fel });
    }
    const uppfoljning = await this.rader.dataSource.transaction(async (m): Promise<UtkorgJobb[]> => {
      await this.rader.finish(m, typ.tabell, avslutade);
      await this.rader.retry(m, typ.tabell, igen);
      const vara = utforda.length ? await this.rader.markSent(m, typ.tabell, utforda, nu) : [];
      return typ.afterPerformed && vara.length ? typ.afterPerformed(m, vara, nu) : [];
    });
    if (igen.length)
      this.logger.warn(
        `${igen.length} ${typ.namn} not done (${igen[0].fel}); next attempt at ${igen[0].at.toISOString()}`,
      );
    // A crash before this line leaves the follow-ups planned but unqueued: the reconciler adds them.
    await this.ko
      .add(uppfoljning)
      .catch((e: Error) => this.logger.warn(`queueing follow-ups failed, the reconciler will: ${e.message}`));
  }

  /** Puts the job back to wait until `at` by the Clock, keeping its id. */
  private async postpone(job: Job, token: string | undefined, at: Date): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(0, at.getTime() - this.clock.now().getTime()), token);
    throw new DelayedError();
  }
}
