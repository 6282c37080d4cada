import { Injectable, Logger } from '@nestjs/common';
import { UtkorgKo } from './utkorg-ko.service';
import { UtkorgRader } from './utkorg-rader.repository';
import { UtkorgTyp } from './utkorg-typ';

/**
 * After commit: hands committed outbox rows to the queue, each due at its own time. Never fails
 * the caller (the change is committed): what it cannot hand on now, the reconciler does.
 */
@Injectable()
export class Utkorg {
  private readonly logger = new Logger('Utkorg');

  constructor(
    private readonly rader: UtkorgRader,
    private readonly ko: UtkorgKo,
  ) {}

  async enqueue(typ: UtkorgTyp, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const tider = await this.rader.tider(typ.tabell, ids).catch((e: Error) => {
      this.logger.warn(
        `reading the due times of ${ids.length} ${typ.namn} row(s) failed; the reconciler will queue them: ${e.message}`,
      );
      return [];
    });
    await this.ko.addAfterCommit(tider.map((t) => ({ typ: typ.namn, id: t.id, at: t.at })));
  }
}
