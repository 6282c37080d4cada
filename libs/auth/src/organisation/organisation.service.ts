import { Injectable } from '@nestjs/common';
import { Actor } from '../actor';
import { Arbetsplats } from './arbetsplats';
import { OrganisationRepository } from './organisation.repository';
import { EnhetResponse, OrganisationResponse, toEnhetResponse, toOrganisationResponse } from './organisation.response';

/** The caller's own organisation and its enheter; another organisation's enhet is a 404. */
@Injectable()
export class OrganisationService {
  constructor(private readonly organisationer: OrganisationRepository) {}

  async getOwn(actor: Actor): Promise<OrganisationResponse> {
    const [organisation, enheter] = await Promise.all([
      this.organisationer.own(actor),
      this.organisationer.enheter(actor),
    ]);
    return toOrganisationResponse(organisation, enheter);
  }

  /** The caller's organisation and the enheter where it holds roles, each with those roles. */
  async getArbetsplats(actor: Actor): Promise<Arbetsplats> {
    const { organisationNamn, enheter } = await this.organisationer.arbetsplats(actor);
    return {
      organisationNamn,
      enheter: enheter.map((e) => ({
        ...e,
        roller: actor.roller.filter((r) => r.enhetId === e.id).map((r) => r.roll),
      })),
    };
  }

  async getEnhet(actor: Actor, id: string): Promise<EnhetResponse> {
    return toEnhetResponse(await this.organisationer.enhet(actor, id));
  }
}
