import { Body, Get, Param, ParseUUIDPipe, Post, Res, UseInterceptors } from '@nestjs/common';
import { PdfUppladdning, UppladdadFil, type Uppladdning } from '@app/archive';
import { Actor, CsrfIFormulardel, CurrentActor, Roller } from '@app/auth';
import { Clock, notFound, sendFil, stockholmDatum } from '@app/core';
import {
  AnstandDto,
  MottagetSvarDto,
  MottagetSvarService,
  RemissFoljningService,
  RemissOversiktService,
  RemissTillaggService,
  RemissUppfoljningService,
} from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import {
  AterkallaFormular,
  AvslutaFormular,
  KompletteringFormular,
  NyInstansFormular,
  NyLankFormular,
} from './remiss-uppfoljning.dto';
import { statusvy } from './status.view';

/** An id that is not one is a page that does not exist. */
const remissId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remiss') });
const instansId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remissinstans') });

/**
 * The sender's pages of a sent remiss (`/remisser/:id/status` and its actions): who has answered,
 * anstånd, reminders, links, a forgotten instans, a corrected handling, an answer by post,
 * återkalla and avsluta. Each calls the API's service, so a page refuses what the API refuses.
 */
@Roller('remissansvarig')
@WebController('remisser/:id')
export class RemissStatusController {
  constructor(
    private readonly foljning: RemissFoljningService,
    private readonly oversikt: RemissOversiktService,
    private readonly uppfoljning: RemissUppfoljningService,
    private readonly tillagg: RemissTillaggService,
    private readonly mottaget: MottagetSvarService,
    private readonly clock: Clock,
  ) {}

  private async vy(actor: Actor, id: string) {
    return statusvy(await this.foljning.view(actor, id), stockholmDatum(this.clock.now()));
  }

  /** The instans of the view an action page is about (another remiss' is no page). */
  private async instans(actor: Actor, id: string, iid: string) {
    const vy = await this.vy(actor, id);
    const instans = vy.instanser.find((i) => i.id === iid);
    if (!instans) throw notFound('Remissinstans');
    return { vy, instans };
  }

  @Get('status')
  async status(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    return sida('remiss-uppfoljning/status', { vy: await this.vy(actor, id) });
  }

  @Get('instanser/:instansId/svar.pdf')
  async svarPdf(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.oversikt.externtSvar(actor, id, iid));
  }

  @Get('instanser/:instansId/anstand')
  async visaAnstand(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
  ) {
    return sida('remiss-uppfoljning/anstand', await this.instans(actor, id, iid));
  }

  @Post('instanser/:instansId/anstand')
  async anstand(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
    @Body() form: AnstandDto,
  ) {
    const instans = await this.uppfoljning.grantAnstand(actor, id, iid, { ...form, orsak: form.orsak.trim() });
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: `Anstånd till ${instans.svarsdatum} för ${instans.namn}`,
      text: 'Remissinstansen har fått ett mejl om anståndet, och påminnelserna är planerade efter det nya datumet.',
    });
  }

  @Post('instanser/:instansId/paminn')
  async paminn(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
  ) {
    await this.uppfoljning.remind(actor, id, iid);
    return omdirigera(`/remisser/${id}/status`, { rubrik: 'Påminnelsen skickas nu' });
  }

  @Get('instanser/:instansId/lank')
  async visaLank(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
  ) {
    return sida('remiss-uppfoljning/lank', await this.instans(actor, id, iid));
  }

  @Post('instanser/:instansId/lank')
  async nyLank(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
    @Body() form: NyLankFormular,
  ) {
    await this.uppfoljning.reissueLank(actor, id, iid, form.epost);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: 'En ny personlig länk är skickad',
      text: 'Tidigare länkar gäller inte längre.',
    });
  }

  @Post('instanser/:instansId/lank/aterkalla')
  async aterkallaLank(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
  ) {
    await this.uppfoljning.revokeLank(actor, id, iid);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: 'Den personliga länken är stängd',
      text: 'Påminnelserna skickas utan länk tills en ny länk skickas.',
    });
  }

  @Get('instanser/ny')
  async visaNyInstans(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const [vy, mottagare] = await Promise.all([this.vy(actor, id), this.foljning.valbaraMottagare(actor)]);
    const redan = new Set(vy.instanser.map((i) => i.namn));
    return sida('remiss-uppfoljning/ny-instans', {
      vy,
      enheter: mottagare
        .map((e) => ({
          value: e.enhetId,
          text: e.organisationId === actor.organisationId ? e.enhet : `${e.organisation}, ${e.enhet}`,
        }))
        .filter((e) => !redan.has(e.text)),
    });
  }

  @Post('instanser/ny')
  async nyInstans(@CurrentActor() actor: Actor, @Param('id', remissId) id: string, @Body() form: NyInstansFormular) {
    const instans = await this.tillagg.addInstans(actor, id, form);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: `${instans.namn} har fått remissen`,
      text: `Svarsdatum ${instans.svarsdatum}. Påminnelserna är planerade.`,
    });
  }

  @Get('komplettering')
  async visaKomplettering(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    return sida('remiss-uppfoljning/komplettering', { vy: await this.vy(actor, id) });
  }

  @Post('komplettering')
  @CsrfIFormulardel()
  @UseInterceptors(PdfUppladdning)
  async komplettering(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() form: KompletteringFormular,
  ) {
    const handling = await this.tillagg.addHandling(actor, id, fil, form);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: `Handlingen ${handling.titel} är tillagd`,
      text: 'Alla remissinstanser har fått ett mejl om den. Tidigare handlingar är oförändrade.',
    });
  }

  @Get('instanser/:instansId/mottaget-svar')
  async visaMottagetSvar(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
  ) {
    return sida('remiss-uppfoljning/mottaget-svar', {
      ...(await this.instans(actor, id, iid)),
      idag: stockholmDatum(this.clock.now()),
    });
  }

  @Post('instanser/:instansId/mottaget-svar')
  @CsrfIFormulardel()
  @UseInterceptors(PdfUppladdning)
  async mottagetSvar(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('instansId', instansId) iid: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() form: MottagetSvarDto,
  ) {
    const instans = await this.mottaget.registerMottagetSvar(actor, id, iid, fil, form);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: instans.status === 'avstar' ? `${instans.namn} avstår` : `Svaret från ${instans.namn} är registrerat`,
      text: 'Handlingen är registrerad som inkommande, och inga fler påminnelser skickas.',
    });
  }

  @Get('aterkalla')
  async visaAterkalla(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    return sida('remiss-uppfoljning/aterkalla', { vy: await this.vy(actor, id) });
  }

  @Post('aterkalla')
  async aterkalla(@CurrentActor() actor: Actor, @Param('id', remissId) id: string, @Body() form: AterkallaFormular) {
    await this.uppfoljning.withdraw(actor, id, form.orsak.trim());
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: 'Remissen är återkallad',
      text: 'De remissinstanser som inte hade svarat har fått ett mejl om det.',
    });
  }

  @Get('avsluta')
  async visaAvsluta(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    return sida('remiss-uppfoljning/avsluta', { vy: await this.vy(actor, id) });
  }

  @Post('avsluta')
  async avsluta(@CurrentActor() actor: Actor, @Param('id', remissId) id: string, @Body() _form: AvslutaFormular) {
    await this.uppfoljning.close(actor, id);
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: 'Remissen är avslutad',
      text: 'De remissinstanser som inte hade svarat har fått ett mejl, och deras status är stängd utan svar.',
    });
  }
}
