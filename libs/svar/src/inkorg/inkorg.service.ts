import { Injectable } from '@nestjs/common';
import { Actor, OrganisationRepository } from '@app/auth';
import { Clock, forbidden, JsonText, Sida, stockholmDatum } from '@app/core';
import { InkorgQuery, InkorgRad } from './inkorg.dto';
import { InkorgRepository } from './inkorg.repository';

/** A nämnd's inkorg: for those with a role at the enhet. */
@Injectable()
export class InkorgService {
  constructor(
    private readonly organisationer: OrganisationRepository,
    private readonly inkorg: InkorgRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, enhetId: string, query: InkorgQuery): Promise<JsonText<Sida<InkorgRad>>> {
    if (!actor.enheter().includes(enhetId)) {
      // Only to tell another organisation's enhet (404) from one of the own without a role (403).
      const enhet = await this.organisationer.enhet(actor, enhetId);
      throw forbidden(`The inkorg of ${enhet.namn} is for those with a role there`);
    }
    return this.inkorg.list(enhetId, stockholmDatum(this.clock.now()), query);
  }
}
