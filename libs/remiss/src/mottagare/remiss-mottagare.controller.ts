import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import {
  AnvandSandlistaDto,
  LaggTillMottagareDto,
  MottagarImportDto,
  NySandlistaDto,
  SparaSandlistaDto,
  ValdaEnheterDto,
} from './mottagare.dto';
import { MottagarImportResponse, MottagareTillagdaResponse, SandlistaResponse } from './mottagare.response';
import { RemissMottagareService } from './remiss-mottagare.service';
import { SandlistaService } from './sandlista.service';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api')
export class RemissMottagareController {
  constructor(
    private readonly mottagare: RemissMottagareService,
    private readonly sandlistor: SandlistaService,
  ) {}

  @Post('remisser/:id/mottagare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add recipients to an utkast (those it has already are left as they are)' })
  @ApiOkResponse({ type: MottagareTillagdaResponse })
  add(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LaggTillMottagareDto) {
    return this.mottagare.add(actor, id, body.mottagare);
  }

  @Post('remisser/:id/mottagare/enheter')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the enheter an utkast goes to (its external parties are kept)' })
  @ApiOkResponse({ type: MottagareTillagdaResponse })
  chooseEnheter(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ValdaEnheterDto,
  ) {
    return this.mottagare.chooseEnheter(actor, id, body.enhetIds);
  }

  @Delete('remisser/:id/mottagare/:nyckel')
  @HttpCode(204)
  @ApiParam({ name: 'nyckel', description: 'The enhetId, or the external party’s e-mail' })
  @ApiOperation({ summary: 'Remove a recipient from an utkast' })
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('nyckel') nyckel: string) {
    return this.mottagare.remove(actor, id, nyckel);
  }

  @Post('remisser/:id/mottagare/import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Paste or import a list (one `Name <e-mail>` or CSV line each): valid lines become external recipients; the answer reports each refused line and why',
  })
  @ApiOkResponse({ type: MottagarImportResponse })
  importLista(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MottagarImportDto,
  ) {
    return this.mottagare.importLista(actor, id, body.text);
  }

  @Post('remisser/:id/mottagare/sandlista')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add the recipients of a saved sändlista to an utkast' })
  @ApiOkResponse({ type: MottagareTillagdaResponse })
  addSandlista(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnvandSandlistaDto,
  ) {
    return this.mottagare.addSandlista(actor, id, body.sandlistaId);
  }

  @Post('remisser/:id/sandlista')
  @ApiOperation({ summary: 'Save the recipients of an utkast as a sändlista (409 when the name is taken)' })
  @ApiCreatedResponse({ type: SandlistaResponse })
  saveFromRemiss(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SparaSandlistaDto,
  ) {
    return this.sandlistor.saveFromRemiss(actor, id, body.namn);
  }

  @Get('sandlistor')
  @ApiOperation({ summary: "The organisation's saved sändlistor" })
  @ApiOkResponse({ type: [SandlistaResponse] })
  listSandlistor(@CurrentActor() actor: Actor) {
    return this.sandlistor.list(actor);
  }

  @Post('sandlistor')
  @ApiOperation({ summary: 'Save a sändlista (409 when the name is taken)' })
  @ApiCreatedResponse({ type: SandlistaResponse })
  createSandlista(@CurrentActor() actor: Actor, @Body() body: NySandlistaDto) {
    return this.sandlistor.create(actor, body);
  }

  @Delete('sandlistor/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a sändlista (remisser that used it keep their recipients)' })
  @ApiNoContentResponse({ description: 'Removed' })
  removeSandlista(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.sandlistor.remove(actor, id);
  }
}
