import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { Actor, ArbetsplatsEnhet, CurrentActor } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import { ExpedieringService, NamndInstansService, RegistreringService } from '@app/svar';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { ValdEnhet } from '../grund/webb-kontext';
import { AvstaFormular, RegistreraFormular } from './inkorg.dto';

/** An id that is not one is a page that does not exist. */
const instansId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remissinstans') });
const handlingId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remisshandling') });

/** One remissinstans of the chosen enhet: the remiss as received, its handlingar, registrera and avstå. */
@WebController('inkorg/:instansId')
export class InstansController {
  constructor(
    private readonly instanser: NamndInstansService,
    private readonly registrering: RegistreringService,
    private readonly expediering: ExpedieringService,
  ) {}

  @Get()
  async visa(
    @CurrentActor() actor: Actor,
    @ValdEnhet() enhet: ArbetsplatsEnhet,
    @Param('instansId', instansId) id: string,
  ) {
    return sida('inkorg/instans', { instans: await this.instanser.get(actor, enhet.id, id) });
  }

  @Get('handlingar/:handlingId')
  async handling(
    @CurrentActor() actor: Actor,
    @ValdEnhet() enhet: ArbetsplatsEnhet,
    @Param('instansId', instansId) id: string,
    @Param('handlingId', handlingId) handling: string,
  ) {
    return sida('inkorg/handling', { vy: await this.instanser.handlingstext(actor, enhet.id, id, handling) });
  }

  @Get('handlingar/:handlingId/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @ValdEnhet() enhet: ArbetsplatsEnhet,
    @Param('instansId', instansId) id: string,
    @Param('handlingId', handlingId) handling: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.instanser.handlingPdf(actor, enhet.id, id, handling));
  }

  @Get('registrera')
  async visaRegistrering(
    @CurrentActor() actor: Actor,
    @ValdEnhet() enhet: ArbetsplatsEnhet,
    @Param('instansId', instansId) id: string,
  ) {
    return sida('inkorg/registrera', { instans: await this.instanser.forAtgard(actor, enhet.id, id, 'registrera') });
  }

  @Post('registrera')
  async registrera(
    @CurrentActor() actor: Actor,
    @Param('instansId', instansId) id: string,
    @Body() form: RegistreraFormular,
  ) {
    const registrerad = await this.registrering.register(actor, id, form.angivetDiarienummer);
    return omdirigera(`/inkorg/${id}`, { rubrik: `Remissen är registrerad som ${registrerad.mottagareDiarienummer}` });
  }

  @Get('avsta')
  async visaAvstaende(
    @CurrentActor() actor: Actor,
    @ValdEnhet() enhet: ArbetsplatsEnhet,
    @Param('instansId', instansId) id: string,
  ) {
    return sida('inkorg/avsta', { instans: await this.instanser.forAtgard(actor, enhet.id, id, 'avsta') });
  }

  @Post('avsta')
  async avsta(@CurrentActor() actor: Actor, @Param('instansId', instansId) id: string, @Body() form: AvstaFormular) {
    await this.expediering.submitAvstaende(actor, id, form.motivering.trim());
    return omdirigera(`/inkorg/${id}`, {
      rubrik: 'Nämnden avstår från att svara',
      text: 'Brevet om att nämnden avstår är skickat till avsändaren och registrerat i diariet.',
    });
  }
}
