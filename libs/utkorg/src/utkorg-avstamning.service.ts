import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { jobbId, UtkorgKo } from './utkorg-ko.service';
import { Bokmarke, UtkorgJobbTid, UtkorgRader } from './utkorg-rader.repository';
import { UtkorgTyp } from './utkorg-typ';
import { UtkorgTyper } from './utkorg-typer.service';

const SIDA = 5000;
const SIDOR_SAMTIDIGT = 4;

export interface Avstamning {
  /** Rows whose lease had expired (their worker died mid-send), back to `planerad`. */
  aterstallda: number;
  /** Jobs added for rows that had none (Redis flushed, a crash between commit and queueing). */
  tillagda: number;
  /** Due rows whose job was still waiting for a later time, run now. */
  tidigarelagda: number;
}

/**
 * Makes Redis agree with PostgreSQL again: at worker start and every OUTBOX_RECONCILE_MS.
 * A flushed Redis, a worker killed mid-send, or a crash between commit and queueing loses nothing.
 */
@Injectable()
export class UtkorgAvstamning {
  private readonly logger = new Logger('Utkorg');
  private pagaende?: Promise<Avstamning>;

  constructor(
    private readonly typer: UtkorgTyper,
    private readonly rader: UtkorgRader,
    private readonly ko: UtkorgKo,
    private readonly clock: Clock,
  ) {}

  /** One reconciliation at a time per process; a second caller waits for the running one. */
  run(): Promise<Avstamning> {
    this.pagaende ??= this.reconcile().finally(() => (this.pagaende = undefined));
    return this.pagaende;
  }

  /** Waits for a running reconciliation (shutdown must not close the database under it). */
  async done(): Promise<void> {
    await this.pagaende?.catch(() => undefined);
  }

  private async reconcile(): Promise<Avstamning> {
    const summa: Avstamning = { aterstallda: 0, tillagda: 0, tidigarelagda: 0 };
    for (const typ of this.typer.list()) {
      summa.aterstallda += await this.rader.resetExpiredLeases(typ.tabell, this.clock.now());
      // A few pages in flight at once: Redis and PostgreSQL round trips overlap (240,000 rows in seconds, not minutes).
      const iFlygt = new Set<Promise<void>>();
      let fel: unknown;
      for (let efter: Bokmarke | undefined; fel === undefined;) {
        const { rader, bokmarke } = await this.rader.listPlanerade(typ.tabell, efter, SIDA);
        if (!rader.length) break;
        efter = bokmarke;
        const sida: Promise<void> = this.reconcilePage(typ, rader)
          .then(
            (del) => {
              summa.tillagda += del.tillagda;
              summa.tidigarelagda += del.tidigarelagda;
            },
            (error: unknown) => void (fel ??= error),
          )
          .finally(() => iFlygt.delete(sida));
        iFlygt.add(sida);
        if (iFlygt.size >= SIDOR_SAMTIDIGT) await Promise.race(iFlygt);
      }
      await Promise.all(iFlygt);
      if (fel !== undefined) throw fel;
    }
    if (summa.aterstallda || summa.tillagda || summa.tidigarelagda)
      this.logger.log(`reconciled: ${JSON.stringify(summa)}`);
    return summa;
  }

  private async reconcilePage(typ: UtkorgTyp, rader: UtkorgJobbTid[]): Promise<Omit<Avstamning, 'aterstallda'>> {
    const ids = rader.map((r) => jobbId(typ.namn, r.id));
    const status = await this.ko.status(ids);
    // A finished job of a row that is still planned (it failed, or its worker died) blocks its id: remove it first.
    await this.ko.remove(ids.filter((_, i) => status[i] === 'avslutad'));
    const saknade = rader.filter((_, i) => status[i] !== 'vantar');
    await this.ko.add(saknade.map((r) => ({ typ: typ.namn, id: r.id, at: r.at })));
    const nu = this.clock.now();
    let tidigarelagda = 0;
    for (let i = 0; i < rader.length; i++) {
      if (status[i] === 'vantar' && rader[i].at <= nu && (await this.ko.promote(ids[i]))) tidigarelagda++;
    }
    return { tillagda: saknade.length, tidigarelagda };
  }
}
