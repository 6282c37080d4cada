import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { NyttArendeDto } from './diarium.dto';
import { ArendeMedHandlingarResponse, ArendeResponse, DiariumResponse } from './diarium.response';
import { DiariumService } from './diarium.service';

@ApiTags('diarium')
@Controller('api')
export class DiariumController {
  constructor(private readonly service: DiariumService) {}

  @Get('diarier')
  @ApiOperation({ summary: "The diarier of the caller's organisation" })
  @ApiOkResponse({ type: [DiariumResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.service.list(actor);
  }

  @Post('diarier/:id/arenden')
  @ApiOperation({ summary: 'Open an ärende: allocate the next diarienummer or register an entered one' })
  @ApiCreatedResponse({ type: ArendeResponse })
  register(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NyttArendeDto) {
    return this.service.openArende(actor, id, body);
  }

  @Get('arenden/:id')
  @ApiOperation({ summary: 'One ärende with its registered handlingar' })
  @ApiOkResponse({ type: ArendeMedHandlingarResponse })
  arende(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.getArende(actor, id);
  }
}
