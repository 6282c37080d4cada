import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemissResponse } from '../remiss.response';
import { RemissmottagareResponse } from './remiss-utkast.response';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { AndraRemissDto, NyRemissDto } from './remiss-utkast.dto';
import { RemissUtkastService } from './remiss-utkast.service';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api')
export class RemissUtkastController {
  constructor(private readonly utkast: RemissUtkastService) {}

  @Post('remisser')
  @ApiOperation({
    summary: 'Create a remiss as utkast: opens the ärende in the sender’s diarium (allocated or entered dnr)',
  })
  @ApiCreatedResponse({ type: RemissResponse })
  create(@CurrentActor() actor: Actor, @Body() body: NyRemissDto) {
    return this.utkast.create(actor, body);
  }

  @Patch('remisser/:id')
  @ApiOperation({ summary: 'Edit an utkast (409 once sent, or when `version` is stale)' })
  @ApiOkResponse({ type: RemissResponse })
  update(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AndraRemissDto) {
    return this.utkast.update(actor, id, body);
  }

  @Get('remissmottagare')
  @ApiOperation({
    summary:
      'Recipient directory: every enhet of the own organisation (with typ and funktionsbrevlåda); of organisations that accept our remisser (organisationskoppling) the answering enheter, names only',
  })
  @ApiOkResponse({ type: [RemissmottagareResponse] })
  mottagare(@CurrentActor() actor: Actor) {
    return this.utkast.listMottagare(actor);
  }
}
