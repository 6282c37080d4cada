import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { Roller } from '../http/roller.decorator';
import { KopplingDto } from './koppling.dto';
import { KopplingarResponse } from './koppling.response';
import { KopplingService } from './koppling.service';

/** Admins: which organisations may send remisser to ours, and the directory of those we may send to. */
@ApiTags('admin: kopplingar')
@Roller('admin')
@Controller('api/admin/kopplingar')
export class KopplingController {
  constructor(private readonly kopplingar: KopplingService) {}

  @Get()
  @ApiOperation({ summary: 'Connections: who may send remisser to us, and whom we may send to (the directory)' })
  @ApiOkResponse({ type: KopplingarResponse })
  get(@CurrentActor() actor: Actor) {
    return this.kopplingar.get(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Let a connected organisation send remisser to ours' })
  @ApiOkResponse({ type: KopplingarResponse })
  allow(@CurrentActor() actor: Actor, @Body() body: KopplingDto) {
    return this.kopplingar.allow(actor, body.organisationId);
  }

  @Delete(':organisationId')
  @ApiOperation({ summary: 'Stop an organisation sending new remisser to ours' })
  @ApiOkResponse({ type: KopplingarResponse })
  revoke(@CurrentActor() actor: Actor, @Param('organisationId', new ParseUUIDPipe()) id: string) {
    return this.kopplingar.revoke(actor, id);
  }
}
