import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PdfUppladdning, UppladdadFil, Uppladdning } from '@app/archive';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { PDF_UPLOAD_BODY } from '../http/pdf-http';
import { RemisshandlingResponse, RemissinstansResponse } from '../remiss.response';
import { MottagetSvarService } from './mottaget-svar.service';
import { RemissFoljningResponse } from './remiss-foljning.response';
import { RemissFoljningService } from './remiss-foljning.service';
import { RemissTillaggService } from './remiss-tillagg.service';
import { KompletteringDto, MottagetSvarDto, NyInstansDto } from './remiss-uppfoljning.dto';

/** Following a sent remiss: the whole view, and what the sender adds after sending. */
@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api/remisser')
export class RemissTillaggController {
  constructor(
    private readonly foljning: RemissFoljningService,
    private readonly tillagg: RemissTillaggService,
    private readonly mottaget: MottagetSvarService,
  ) {}

  @Get(':id/uppfoljning')
  @ApiOperation({ summary: 'The status view with handlingar, reminders per instans, external links and the timeline' })
  @ApiOkResponse({ type: RemissFoljningResponse })
  view(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.foljning.view(actor, id);
  }

  @Post(':id/instanser')
  @ApiOperation({
    summary: 'Add a forgotten remissinstans to a sent remiss: it is invited by mail and gets its reminders',
  })
  @ApiCreatedResponse({ type: RemissinstansResponse })
  addInstans(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NyInstansDto) {
    return this.tillagg.addInstans(actor, id, body);
  }

  @Post(':id/komplettering')
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PDF_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Add a corrected or supplementary remisshandling to a sent remiss (PDF; checked as any upload); every instans is told by mail',
  })
  @ApiCreatedResponse({ type: RemisshandlingResponse })
  addHandling(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() body: KompletteringDto,
  ) {
    return this.tillagg.addHandling(actor, id, fil, body);
  }

  @Post(':id/instanser/:instansId/mottaget-svar')
  @HttpCode(200)
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PDF_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Register an answer (or avstående) received by e-mail or post: its PDF an inkommande handling, the instans besvarad or avstår, reminders cancelled',
  })
  @ApiOkResponse({ type: RemissinstansResponse })
  registerMottagetSvar(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() body: MottagetSvarDto,
  ) {
    return this.mottaget.registerMottagetSvar(actor, id, instansId, fil, body);
  }
}
