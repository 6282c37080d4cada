import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { OrganisationRepository } from './organisation.repository';

@ApiTags('organisation')
@Controller('api')
export class OrganisationController {
  constructor(private readonly organisationer: OrganisationRepository) {}

  @Get('organisation')
  @ApiOperation({ summary: "The caller's organisation with its enheter" })
  async own(@CurrentActor() actor: Actor) {
    const [organisation, enheter] = await Promise.all([
      this.organisationer.own(actor),
      this.organisationer.enheter(actor),
    ]);
    return { ...organisation, enheter };
  }

  @Get('enheter/:id')
  @ApiOperation({ summary: 'One enhet of the own organisation' })
  enhet(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.organisationer.enhet(actor, id);
  }
}
