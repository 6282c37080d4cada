import { Body, Get, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { REMISS_STATUSAR, RemissOversiktService, RemissUtkastService } from '@app/remiss';
import { sidlankar } from '../grund/sidlankar';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { remisserHref, remissKolumnrubriker } from './remisser-lankar';
import { RemisserFilter, UtkastFormular } from './remisser.dto';
import { nyRemiss } from './utkastformular';

/** The remissansvarig's remisser: the list (filters, sort, pages) and a new utkast. */
@Roller('remissansvarig')
@WebController('remisser')
export class RemisserController {
  constructor(
    private readonly oversikt: RemissOversiktService,
    private readonly utkast: RemissUtkastService,
  ) {}

  @Get()
  async lista(@CurrentActor() actor: Actor, @Query() filter: RemisserFilter) {
    const rader = await this.oversikt.page(actor, filter);
    return sida('remisser/lista', {
      sida: rader,
      filter,
      statusar: REMISS_STATUSAR,
      filtrerad: !!(filter.status || filter.forsenad !== undefined || filter.ar || filter.q),
      rubriker: remissKolumnrubriker(filter),
      sidnumrering: sidlankar(rader, (page) => remisserHref({ ...filter, page })),
    });
  }

  @Get('ny')
  async ny(@CurrentActor() actor: Actor) {
    return sida('remisser/utkast', { ny: true, vy: await this.utkast.formular(actor) });
  }

  @Post('ny')
  async skapa(@CurrentActor() actor: Actor, @Body() form: UtkastFormular) {
    const remiss = await this.utkast.create(actor, nyRemiss(form));
    return omdirigera(`/remisser/${remiss.id}/mottagare`, {
      rubrik: `Utkastet är sparat som ${remiss.diarienummer}`,
      text: 'Välj nu vilka som ska få remissen.',
    });
  }
}
