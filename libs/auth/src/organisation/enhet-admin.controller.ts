import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { Roller } from '../http/roller.decorator';
import { EnhetDto, NyEnhetDto } from './enhet-admin.dto';
import { EnhetAdminService } from './enhet-admin.service';
import { EnhetResponse } from './organisation.response';

/** Admins: the organisation's enheter (nämnder, styrelser, förvaltningar …). */
@ApiTags('admin: enheter')
@Roller('admin')
@Controller('api/admin/enheter')
export class EnhetAdminController {
  constructor(private readonly enheter: EnhetAdminService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's enheter" })
  @ApiOkResponse({ type: [EnhetResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.enheter.list(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an enhet (kortnamn unique in the organisation) with its diarium: its own, or a shared one',
  })
  @ApiCreatedResponse({ type: EnhetResponse })
  create(@CurrentActor() actor: Actor, @Body() body: NyEnhetDto) {
    return this.enheter.create(actor, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Edit an enhet of the organisation' })
  @ApiOkResponse({ type: EnhetResponse })
  update(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: EnhetDto) {
    return this.enheter.update(actor, id, body);
  }
}
