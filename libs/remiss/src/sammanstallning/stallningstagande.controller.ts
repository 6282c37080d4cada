import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { StallningstagandeDto } from './sammanstallning.dto';
import { StallningstagandeService } from './stallningstagande.service';
import { StallningstagandeResponse, SynpunktStallningstagandenResponse } from './stallningstagande.response';

@ApiTags('remissammanställning')
@Roller('remissansvarig')
@Controller('api/remisser/:id/synpunkter/:synpunktId/stallningstagande')
export class StallningstagandeController {
  constructor(private readonly stallningstaganden: StallningstagandeService) {}

  @Get()
  @ApiOperation({
    summary: "A synpunkt of an expedierat answer with the sender's current ställningstagande and its history",
  })
  @ApiOkResponse({ type: SynpunktStallningstagandenResponse })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('synpunktId', new ParseUUIDPipe()) synpunktId: string,
  ) {
    return this.stallningstaganden.getSynpunkt(actor, id, synpunktId);
  }

  @Post()
  @ApiOperation({
    summary:
      'Records the ställningstagande on a synpunkt (beaktas, beaktas delvis, beaktas inte, noteras) as its next version; a motivering is required for beaktas delvis and beaktas inte',
  })
  @ApiCreatedResponse({ type: StallningstagandeResponse })
  record(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('synpunktId', new ParseUUIDPipe()) synpunktId: string,
    @Body() body: StallningstagandeDto,
  ) {
    return this.stallningstaganden.record(actor, id, synpunktId, body);
  }
}
