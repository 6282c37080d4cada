import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemissinstansResponse, RemissResponse } from '../remiss.response';
import { LankarAterkalladeResponse, PaminnelseSkickadResponse } from './remiss-uppfoljning.response';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { AnstandDto, NyLankDto, OrsakDto } from './remiss-uppfoljning.dto';
import { RemissUppfoljningService } from './remiss-uppfoljning.service';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api/remisser')
export class RemissUppfoljningController {
  constructor(private readonly uppfoljning: RemissUppfoljningService) {}

  @Post(':id/instanser/:instansId/anstand')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anstånd: a later svarsdatum for one instans, with a reason; reminders are replanned and the instans told',
  })
  @ApiOkResponse({ type: RemissinstansResponse })
  grantAnstand(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
    @Body() body: AnstandDto,
  ) {
    return this.uppfoljning.grantAnstand(actor, id, instansId, body);
  }

  @Post(':id/aterkalla')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Återkalla (utkast or utskickad) with a reason; instanser are told, their drafts kept but frozen',
  })
  @ApiOkResponse({ type: RemissResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: OrsakDto) {
    return this.uppfoljning.withdraw(actor, id, body.orsak);
  }

  @Post(':id/avsluta')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Avsluta a sent remiss: reminders stop, links close; instanser still working become stangd and are told',
  })
  @ApiOkResponse({ type: RemissResponse })
  close(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.uppfoljning.close(actor, id);
  }

  @Post(':id/instanser/:instansId/paminn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a reminder to an instans that has not answered, now' })
  @ApiOkResponse({ type: PaminnelseSkickadResponse })
  remind(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
  ) {
    return this.uppfoljning.remind(actor, id, instansId);
  }

  @Post(':id/instanser/:instansId/lank/aterkalla')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke the personal link of an external instans' })
  @ApiOkResponse({ type: LankarAterkalladeResponse })
  revokeLank(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
  ) {
    return this.uppfoljning.revokeLank(actor, id, instansId);
  }

  @Post(':id/instanser/:instansId/lank')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Issue a new personal link to an external instans (earlier links revoked) and mail it, optionally to a corrected e-post',
  })
  @ApiOkResponse({ type: LankarAterkalladeResponse })
  reissueLank(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
    @Body() body: NyLankDto,
  ) {
    return this.uppfoljning.reissueLank(actor, id, instansId, body.epost);
  }
}
