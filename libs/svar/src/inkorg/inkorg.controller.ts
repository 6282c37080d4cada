import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { JSON_CONTENT_TYPE } from '@app/core';
import { InkorgQuery, InkorgSida } from './inkorg.dto';
import { InkorgService } from './inkorg.service';

@ApiTags('inkorg')
@Controller('api/enheter')
export class InkorgController {
  constructor(private readonly inkorg: InkorgService) {}

  @Get(':enhetId/inkorg')
  @ApiOperation({
    summary:
      "The remisser sent to a nämnd: status of its instans, the sender's dnr, its svarsdatum, forsenad, its own dnr",
  })
  @ApiOkResponse({ type: InkorgSida })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  list(
    @CurrentActor() actor: Actor,
    @Param('enhetId', new ParseUUIDPipe()) enhetId: string,
    @Query() query: InkorgQuery,
  ) {
    return this.inkorg.list(actor, enhetId, query);
  }
}
