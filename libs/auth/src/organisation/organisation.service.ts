import { Injectable } from '@nestjs/common';
import { Actor } from '../actor';
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

  async getEnhet(actor: Actor, id: string): Promise<EnhetResponse> {
    return toEnhetResponse(await this.organisationer.enhet(actor, id));
  }
}
