import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { DiarierService } from '@app/archive';
import { Actor, CurrentActor, EnhetAdminService, EnhetDto, NyEnhetDto, Roller } from '@app/auth';
import { notFound } from '@app/core';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

const enhetId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Enhet') });

/** The organisation's enheter: the list, a new one, and one edited. */
@WebController('admin/enheter')
@Roller('admin')
export class EnheterController {
  constructor(
    private readonly enheter: EnhetAdminService,
    private readonly diarier: DiarierService,
  ) {}

  @Get()
  async lista(@CurrentActor() actor: Actor) {
    return sida('admin/enheter', { enheter: await this.enheter.list(actor) });
  }

  /** The form offers a diarium of its own, or any the organisation keeps (a shared series). */
  @Get('ny')
  async ny(@CurrentActor() actor: Actor) {
    return sida('admin/enhet', { diarier: await this.diarier.list(actor) });
  }

  @Post('ny')
  async skapa(@CurrentActor() actor: Actor, @Body() form: NyEnhetDto) {
    const enhet = await this.enheter.create(actor, form);
    return omdirigera('/admin/enheter', { rubrik: `${enhet.namn} (${enhet.kortnamn}) är tillagd` });
  }

  @Get(':id')
  async visa(@CurrentActor() actor: Actor, @Param('id', enhetId) id: string) {
    return sida('admin/enhet', { enhet: await this.enheter.get(actor, id) });
  }

  @Post(':id')
  async andra(@CurrentActor() actor: Actor, @Param('id', enhetId) id: string, @Body() form: EnhetDto) {
    const enhet = await this.enheter.update(actor, id, form);
    return omdirigera('/admin/enheter', { rubrik: `${enhet.namn} (${enhet.kortnamn}) är sparad` });
  }
}
