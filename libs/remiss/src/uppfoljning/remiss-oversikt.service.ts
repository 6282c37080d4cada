import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilRepository } from '@app/archive';
import { Actor } from '@app/auth';
import {
  CappedSida,
  Clock,
  Filsvar,
  invalidField,
  isDatum,
  JsonText,
  notFound,
  pdfFil,
  stockholmDatum,
} from '@app/core';
import { REMISSINSTANS_STATUSAR, RemissinstansStatus } from '@app/database';
import { antalPerStallning } from '../stallning';
import { RemissRepository } from '../remiss.repository';
import { RemissStatusResponse } from './remiss-oversikt.response';
import { RemissFilter, RemissListaReadModel, RemissRad } from './remiss-lista.read-model';
import { RemissListQuery } from './remiss-uppfoljning.dto';
import { DataSource } from 'typeorm';

/** What the sender watches: its remisser, and who has answered each of them. Reads only. */
@Injectable()
export class RemissOversiktService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly lista: RemissListaReadModel,
    private readonly filer: FilRepository,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return stockholmDatum(this.clock.now());
  }

  list(actor: Actor, q: RemissListQuery): Promise<JsonText<CappedSida<RemissRad>>> {
    return this.lista.text(this.filter(actor, q));
  }

  /** The same page as objects, for the web's list. */
  page(actor: Actor, q: RemissListQuery): Promise<CappedSida<RemissRad>> {
    return this.lista.list(this.filter(actor, q));
  }

  private filter(actor: Actor, q: RemissListQuery): RemissFilter {
    for (const [falt, d] of [
      ['svarsdatumFran', q.svarsdatumFran],
      ['svarsdatumTill', q.svarsdatumTill],
    ] as const)
      if (d && !isDatum(d)) throw invalidField(falt, `${d} is not a calendar date`, `${d} är inget giltigt datum.`);
    // A year is a svarsdatum range, narrowed by any range given besides.
    const fran = q.ar ? `${q.ar}-01-01` : undefined;
    const till = q.ar ? `${q.ar}-12-31` : undefined;
    const { ar: _ar, q: _q, ...rest } = q;
    return {
      ...rest,
      svarsdatumFran: [fran, q.svarsdatumFran]
        .filter((d) => d)
        .sort()
        .at(-1),
      svarsdatumTill: [till, q.svarsdatumTill]
        .filter((d) => d)
        .sort()
        .at(0),
      organisationId: actor.organisationId,
      text: q.q?.trim() || undefined,
      idag: this.today(),
    };
  }

  /** Every instans with its status, own dnr, answered date and derived `forsenad`, and counts per status. */
  async status(actor: Actor, remissId: string): Promise<RemissStatusResponse> {
    // Both at once: the instanser are only shown once the remiss proved to be the caller's own.
    const [remiss, instanser] = await Promise.all([
      this.remisser.oversikt(actor, remissId),
      this.remisser.instansStatus(remissId, this.today()),
    ]);
    const antalPerStatus = Object.fromEntries(
      REMISSINSTANS_STATUSAR.map((s) => [s, instanser.filter((i) => i.status === s).length]),
    ) as Record<RemissinstansStatus, number>;
    return {
      remiss: {
        id: remiss.id,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        status: remiss.status,
        svarsdatum: remiss.svarsdatum,
        utskickadAt: remiss.utskickadAt,
      },
      // A draft has no instanser yet; its planned recipients are listed instead.
      planeradeMottagare: remiss.status === 'utkast' ? remiss.utkastMottagare : undefined,
      antal: {
        totalt: instanser.length,
        ...antalPerStatus,
        forsenad: instanser.filter((i) => i.forsenad).length,
        stallning: antalPerStallning(instanser.map((i) => i.stallning)),
      },
      instanser,
    };
  }

  /** The PDF an external instans answered with (registered as an inkommande handling of the remiss). */
  async externtSvar(actor: Actor, remissId: string, instansId: string): Promise<Filsvar> {
    const remiss = await this.remisser.getOwn(this.dataSource.manager, actor, remissId);
    const instans = (await this.remisser.instanser(this.dataSource.manager, actor, remiss)).find(
      (i) => i.id === instansId,
    );
    if (!instans?.externSvarFilId) throw notFound('Externt svar');
    const { fil, data } = await this.filer.data(this.dataSource.manager, instans.externSvarFilId);
    return pdfFil(fil.filnamn, data, 'attachment');
  }
}
