import { Injectable } from '@nestjs/common';
import { UtkorgKo } from './utkorg-ko';
import { UtkorgRader } from './utkorg-rader';
import { UtkorgTyp } from './utkorg-typ';

/** After commit: hands committed outbox rows to the queue, each due at its own time. */
@Injectable()
export class Utkorg {
  constructor(
    private readonly rader: UtkorgRader,
    private readonly ko: UtkorgKo,
  ) {}

  async koa(typ: UtkorgTyp, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const tider = await this.rader.tider(typ.tabell, ids);
    await this.ko.laggTill(tider.map((t) => ({ typ: typ.namn, id: t.id, at: t.at })));
  }
}
