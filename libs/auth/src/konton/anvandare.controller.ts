import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '@app/core';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { Roller } from '../http/roller.decorator';
import { AnvandareAdminService } from './anvandare-admin.service';
import { InbjudanDto, RollDto } from './konton.dto';
import { AnvandareResponse, InbjudanResponse } from './konton.response';

const anvandareId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Anvandare') });

@ApiTags('admin')
@Roller('admin')
@Controller('api/admin/anvandare')
export class AnvandareController {
  constructor(private readonly anvandare: AnvandareAdminService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's users with their roles per enhet" })
  @ApiOkResponse({ type: [AnvandareResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.anvandare.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Invite a user with a first role; the invitation mail carries a one-time link' })
  @ApiCreatedResponse({ type: InbjudanResponse })
  invite(@CurrentActor() actor: Actor, @Body() dto: InbjudanDto) {
    return this.anvandare.invite(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user of the organisation' })
  @ApiOkResponse({ type: AnvandareResponse })
  get(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.anvandare.get(actor, id);
  }

  @Post(':id/inaktivera')
  @HttpCode(200)
  @ApiOperation({ summary: "Deactivate a user (their sessions end); 409 LAST_ADMIN for the organisation's last admin" })
  @ApiOkResponse({ type: AnvandareResponse })
  deactivate(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.anvandare.deactivate(actor, id);
  }

  @Post(':id/roller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the user a role at an enhet' })
  @ApiOkResponse({ type: AnvandareResponse })
  addRole(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string, @Body() dto: RollDto) {
    return this.anvandare.addRole(actor, id, dto);
  }

  @Post(':id/roller/ta-bort')
  @HttpCode(200)
  @ApiOperation({ summary: "Remove a role; 409 LAST_ADMIN for the organisation's last admin role" })
  @ApiOkResponse({ type: AnvandareResponse })
  removeRole(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string, @Body() dto: RollDto) {
    return this.anvandare.removeRole(actor, id, dto);
  }

  @Post(':id/aterstall-losenord')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mail the user a one-time link to set a new password' })
  @ApiOkResponse({ type: AnvandareResponse })
  sendReset(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.anvandare.sendReset(actor, id);
  }
}
