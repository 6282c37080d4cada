import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { RemissinstansResponse } from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { RegistreraDto, RemissvarInnehallDto } from '../remissvar.dto';
import { REMISSVAR_ETAG, RemissvarResponse } from '../remissvar.response';
import { RemissvarService } from '../remissvar.service';
import { RegistreringService } from './registrering.service';

@ApiTags('remissinstans (nämnd)')
@Controller('api/remissinstanser')
export class NamndInstansController {
  constructor(
    private readonly registrering: RegistreringService,
    private readonly remissvar: RemissvarService,
  ) {}

  @Post(':id/registrera')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "inbjuden → registrerad: open the nämnd's ärende (allocated or entered dnr, e.g. UN2025/412) and register the remiss as inkommande handling",
  })
  @ApiOkResponse({ type: RemissinstansResponse })
  register(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RegistreraDto) {
    return this.registrering.register(actor, id, body.diarienummer);
  }

  @Post(':id/remissvar')
  @ApiOperation({
    summary:
      'Create the first draft of the answer; the instans moves to under_beredning. A quotation not on its page → 422 CITAT_SAKNAS, or CITAT_PA_ANNAN_SIDA naming the page it is on',
  })
  @ApiCreatedResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async createRemissvar(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RemissvarInnehallDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const vy = await this.remissvar.create(actor, id, body);
    res.header('ETag', `"${vy.version}"`);
    return vy;
  }
}
