import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { EnhetResponse, OrganisationResponse } from './organisation.response';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller('api')
export class OrganisationController {
  constructor(private readonly organisationer: OrganisationService) {}

  @Get('organisation')
  @ApiOperation({ summary: "The caller's organisation with its enheter" })
  @ApiOkResponse({ type: OrganisationResponse })
  own(@CurrentActor() actor: Actor) {
    return this.organisationer.getOwn(actor);
  }

  @Get('enheter/:id')
  @ApiOperation({ summary: 'One enhet of the own organisation' })
  @ApiOkResponse({ type: EnhetResponse })
  enhet(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.organisationer.getEnhet(actor, id);
  }
}
