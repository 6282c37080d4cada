import { Injectable } from '@nestjs/common';
import { Actor, OrganisationRepository } from '@app/auth';
import { CappedSida, Clock, forbidden, JsonText, stockholmDatum } from '@app/core';
import { InkorgQuery } from './inkorg.dto';
import { InkorgRadData, InkorgReadModel } from './inkorg.read-model';

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
}
