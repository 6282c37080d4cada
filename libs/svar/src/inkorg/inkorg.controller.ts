import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, OrganisationRepository } from '@app/auth';
import { Clock, forbidden, JSON_CONTENT_TYPE, JsonText, CappedSida, stockholmDatum } from '@app/core';
import { InkorgQuery, InkorgSida } from './inkorg.dto';
import { InkorgRadData, InkorgReadModel } from './inkorg.read-model';

@ApiTags('inkorg')
@Controller('api/enheter')
export class InkorgController {
  constructor(
    private readonly organisationer: OrganisationRepository,
    private readonly inkorg: InkorgReadModel,
    private readonly clock: Clock,
  ) {}

  @Get(':enhetId/inkorg')
  @ApiOperation({
    summary:
      "The remisser sent to a nämnd: status of its instans, the sender's dnr, its svarsdatum, forsenad, its own dnr",
  })
  @ApiOkResponse({ type: InkorgSida })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async list(
    @CurrentActor() actor: Actor,
    @Param('enhetId', new ParseUUIDPipe()) enhetId: string,
    @Query() query: InkorgQuery,
  ): Promise<JsonText<CappedSida<InkorgRadData>>> {
    if (!actor.enheter().includes(enhetId)) {
      // Only to tell another organisation's enhet (404) from one of the own without a role (403).
      const enhet = await this.organisationer.enhet(actor, enhetId);
      throw forbidden(`The inkorg of ${enhet.namn} is for those with a role there`);
    }
    return this.inkorg.text(enhetId, stockholmDatum(this.clock.now()), query);
  }
}
