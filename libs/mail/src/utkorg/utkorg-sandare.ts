import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { Mailer, SmtpPermanentError } from '../mailer';
import { Samlare } from './samlare';
import { UtkorgKo } from './utkorg-ko';
import { Ansprak, UtkorgRader } from './utkorg-rader';
import { Forfattat, UtkorgJobb, UtkorgTyp } from './utkorg-typ';
import { UtkorgTyper } from './utkorg-typer';

export interface UtkorgJobbData {
  id: string;
}

/** Exponential backoff by attempt (1, 2, 3 …), capped. */
export function vantetid(forsok: number, basMs: number, maxMs: number): number {
  return Math.min(maxMs, basMs * 2 ** Math.max(0, forsok - 1));
}

/**
 * Sends one outbox row per job: claim (`planerad → skickar` with a lease), build the mail, send
 * it with its deterministic Message-ID, mark it `skickad`. A 5xx makes the row `misslyckad`;
 * other failures put it back to `planerad` with a backoff. The database work of concurrent jobs
 * is gathered into one statement per step.
 */
@Injectable()
export class UtkorgSandare {
  private readonly logger = new Logger('Utkorg');
  private readonly anspraksamlare = new Map<string, Samlare<string, Ansprak>>();
  private readonly forfattarsamlare = new Map<string, Samlare<string, Forfattat>>();
  private readonly markeringssamlare = new Map<string, Samlare<{ id: string; messageId: string }, void>>();

  constructor(
    private readonly typer: UtkorgTyper,
    private readonly rader: UtkorgRader,
    private readonly ko: UtkorgKo,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async skicka(job: Job<UtkorgJobbData>, token?: string): Promise<string> {
    const typ = this.typer.hamta(job.name);
    const id = job.data.id;
    const ansprak = await this.samlare(this.anspraksamlare, typ, (ids) => this.rader.ta(typ.tabell, ids, this.clock.now(), this.config.OUTBOX_LEASE_MS)).load(id);
    if (ansprak.utfall === 'klar') return 'inget att skicka';
    if (ansprak.utfall === 'senare') return this.skjutUpp(job, token, ansprak.at);

    let forfattat: Forfattat;
    try {
      forfattat = await this.samlare(this.forfattarsamlare, typ, async (ids) => {
        const byId = await typ.forfatta(ids, this.clock.now());
        return ids.map((i) => byId.get(i) ?? { avbryt: 'raden finns inte längre' });
      }).load(id);
      if ('avbryt' in forfattat) {
        await this.rader.avsluta(typ.tabell, id, 'avbruten', forfattat.avbryt);
        return `avbruten: ${forfattat.avbryt}`;
      }
      if ('misslyckas' in forfattat) {
        await this.rader.avsluta(typ.tabell, id, 'misslyckad', forfattat.misslyckas);
        throw new UnrecoverableError(forfattat.misslyckas);
      }
      await this.mailer.send(forfattat.epost);
    } catch (error) {
      if (error instanceof UnrecoverableError) throw error;
      return this.misslyckades(typ, job, token, ansprak.forsok, error as Error);
    }
    await this.samlare(this.markeringssamlare, typ, (sanda) => this.markeraSkickade(typ, sanda)).load({ id, messageId: forfattat.epost.messageId });
    return 'skickad';
  }

  private async markeraSkickade(typ: UtkorgTyp, sanda: { id: string; messageId: string }[]): Promise<void[]> {
    const nu = this.clock.now();
    const uppfoljning = await this.rader.dataSource.transaction(async (m): Promise<UtkorgJobb[]> => {
      const vara = await this.rader.skickade(m, typ.tabell, sanda, nu);
      return typ.skickade && vara.length ? typ.skickade(m, vara, nu) : [];
    });
    // A crash before this line leaves the follow-ups planned but unqueued: the reconciler adds them.
    await this.ko.laggTill(uppfoljning).catch((e: Error) => this.logger.warn(`queueing follow-ups failed, the reconciler will: ${e.message}`));
    return sanda.map(() => undefined);
  }

  private async misslyckades(typ: UtkorgTyp, job: Job, token: string | undefined, forsok: number, error: Error): Promise<never> {
    const id = job.data.id as string;
    if (error instanceof SmtpPermanentError) {
      const orsak = `SMTP ${error.responseCode}: ${error.message}`;
      await this.rader.avsluta(typ.tabell, id, 'misslyckad', orsak);
      throw new UnrecoverableError(orsak);
    }
    if (forsok >= this.config.OUTBOX_MAX_ATTEMPTS) {
      const orsak = `gav upp efter ${forsok} försök: ${error.message}`;
      await this.rader.avsluta(typ.tabell, id, 'misslyckad', orsak);
      throw new UnrecoverableError(orsak);
    }
    const at = new Date(this.clock.now().getTime() + vantetid(forsok, this.config.OUTBOX_RETRY_BASE_MS, this.config.OUTBOX_RETRY_MAX_MS));
    await this.rader.forsokIgen(typ.tabell, id, at, error.message);
    this.logger.warn(`${job.id}: attempt ${forsok} failed (${error.message}); next at ${at.toISOString()}`);
    return this.skjutUpp(job, token, at);
  }

  /** Puts the job back to wait until `at` by the Clock, keeping its id. */
  private async skjutUpp(job: Job, token: string | undefined, at: Date): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(0, at.getTime() - this.clock.now().getTime()), token);
    throw new DelayedError();
  }

  private samlare<K, V>(per: Map<string, Samlare<K, V>>, typ: UtkorgTyp, batch: (keys: K[]) => Promise<V[]>): Samlare<K, V> {
    let samlare = per.get(typ.namn);
    if (!samlare) per.set(typ.namn, (samlare = new Samlare(batch)));
    return samlare;
  }
}
