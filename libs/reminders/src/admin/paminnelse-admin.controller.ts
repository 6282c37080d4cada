import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { MisslyckadPaminnelseResponse, PaminnelsereglerResponse, UtkorgKoResponse } from './paminnelse-admin.response';
import { PaminnelseAdminService } from './paminnelse-admin.service';
import { PaminnelsereglerDto } from './paminnelseregler.dto';

/** Admins: the organisation's reminder rules, and what the outbox queue is doing. */
@ApiTags('admin: påminnelser')
@Roller('admin')
@Controller('api/admin')
export class PaminnelseAdminController {
  constructor(private readonly admin: PaminnelseAdminService) {}

  @Get('paminnelseregler')
  @ApiOperation({ summary: "The organisation's reminder rules (the defaults until saved)" })
  @ApiOkResponse({ type: PaminnelsereglerResponse })
  getRegler(@CurrentActor() actor: Actor) {
    return this.admin.getRegler(actor);
  }

  @Put('paminnelseregler')
  @ApiOperation({ summary: "Replace the organisation's reminder rules; applies to reminders planned from now on" })
  @ApiOkResponse({ type: PaminnelsereglerResponse })
  replaceRegler(@CurrentActor() actor: Actor, @Body() body: PaminnelsereglerDto) {
    return this.admin.replaceRegler(actor, body);
  }

  @Get('paminnelser/ko')
  @ApiOperation({ summary: "The outbox queue's job counts and the organisation's failed jobs" })
  @ApiOkResponse({ type: UtkorgKoResponse })
  getKo(@CurrentActor() actor: Actor) {
    return this.admin.getKo(actor);
  }

  @Get('paminnelser/misslyckade')
  @ApiOperation({ summary: 'Reminders that could not be sent (status misslyckad), with the reason' })
  @ApiOkResponse({ type: [MisslyckadPaminnelseResponse] })
  listMisslyckade(@CurrentActor() actor: Actor) {
    return this.admin.listMisslyckade(actor);
  }
}
