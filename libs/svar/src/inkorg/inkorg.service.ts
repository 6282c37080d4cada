import { Injectable } from '@nestjs/common';
import { Actor, OrganisationRepository } from '@app/auth';
import { CappedSida, Clock, daysBetween, forbidden, JsonText, stockholmDatum } from '@app/core';
import { LIST_COUNT_CAP, REMISSINSTANS_STATUSAR, RemissinstansStatus } from '@app/database';
import { INKORG_SIDOR, requireRoll } from '../behorighet';
import { InkorgQuery } from './inkorg.dto';
import { InkorgRadData, InkorgReadModel } from './inkorg.read-model';
import { Antal, InkorgVy } from './inkorg.view';

/** A nämnd's inkorg: for those with a role at the enhet. */
@Injectable()
export class InkorgService {
  constructor(
    private readonly organisationer: OrganisationRepository,
    private readonly inkorg: InkorgReadModel,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, enhetId: string, query: InkorgQuery): Promise<JsonText<CappedSida<InkorgRadData>>> {
    if (!actor.enheter().includes(enhetId)) {
      // Only to tell another organisation's enhet (404) from one of the own without a role (403).
      const enhet = await this.organisationer.enhet(actor, enhetId);
      throw forbidden(`The inkorg of ${enhet.namn} is for those with a role there`);
    }
    return this.inkorg.text(enhetId, stockholmDatum(this.clock.now()), query);
  }

  /** The inkorg page of the enhet the user works for: the rows with days late, and the counts beside the filters. */
  async page(actor: Actor, enhetId: string, query: InkorgQuery): Promise<InkorgVy> {
    requireRoll(actor, enhetId, INKORG_SIDOR, 'The inkorg pages');
    const idag = stockholmDatum(this.clock.now());
    const [sida, antal] = await Promise.all([this.inkorg.list(enhetId, idag, query), this.inkorg.antal(enhetId, idag)]);
    const tal = new Map(antal.map((a) => [a.status, a.n]));
    const upTo = (status: RemissinstansStatus | 'forsenad'): Antal => {
      const n = tal.get(status) ?? 0;
      return { antal: Math.min(n, LIST_COUNT_CAP), fler: n > LIST_COUNT_CAP };
    };
    return {
      sida: {
        ...sida,
        items: sida.items.map((rad) => ({
          ...rad,
          dagarForsenad: rad.forsenad ? daysBetween(rad.svarsdatum, idag) : null,
        })),
      },
      antalPerStatus: Object.fromEntries(REMISSINSTANS_STATUSAR.map((s) => [s, upTo(s)])) as InkorgVy['antalPerStatus'],
      forsenade: upTo('forsenad'),
      idag,
    };
  }
}
