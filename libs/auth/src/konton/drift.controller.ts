import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { Operator } from '../http/roller.decorator';
import { NyOrganisationDto } from './konton.dto';
import { DriftOrganisationResponse, OrganisationSkapadResponse } from './konton.response';
import { OnboardingService } from './onboarding.service';

@ApiTags('drift')
@Operator()
@Controller('api/drift/organisationer')
export class DriftController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @ApiOperation({ summary: 'The platform operator: every organisation on the platform' })
  @ApiOkResponse({ type: [DriftOrganisationResponse] })
  list() {
    return this.onboarding.list();
  }

  @Post()
  @ApiOperation({
    summary: 'The platform operator: a new organisation, its first enhet and its first admin (invited by mail)',
  })
  @ApiCreatedResponse({ type: OrganisationSkapadResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: NyOrganisationDto) {
    return this.onboarding.create(actor, dto);
  }
}
