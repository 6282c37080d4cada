import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, AnvandareAdminService, CurrentActor, InbjudanDto, Roller, RollDto } from '@app/auth';
import { notFound } from '@app/core';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

const anvandareId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Anvandare') });

/**
 * The organisation admin's users: the list, an invitation, and one user's roles, reset link and deactivation.
 * Every form posts to its own page's path, so a refusal (the last admin) stands on that page.
 */
@Roller('admin')
@WebController('admin/anvandare')
export class AnvandareController {
  constructor(private readonly anvandare: AnvandareAdminService) {}

  @Get()
  async lista(@CurrentActor() actor: Actor) {
    return sida('anvandare/lista', { lista: await this.anvandare.list(actor) });
  }

  @Get('ny')
  async ny(@CurrentActor() actor: Actor) {
    return sida('anvandare/ny', { enheter: await this.anvandare.enheter(actor) });
  }

  @Post('ny')
  async bjudIn(@CurrentActor() actor: Actor, @Body() form: InbjudanDto) {
    const { anvandare } = await this.anvandare.invite(actor, form);
    return omdirigera(`/admin/anvandare/${anvandare.id}`, {
      rubrik: `${anvandare.namn} är inbjuden`,
      text: `En länk för att välja lösenord har skickats till ${anvandare.epost}.`,
    });
  }

  @Get(':id')
  async visa(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.kontoSida(actor, id);
  }

  /** A refused role change comes back here: the user's page under the path its form posted to. */
  @Get(':id/roller')
  async visaRoller(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.kontoSida(actor, id);
  }

  @Post(':id/roller')
  async laggTillRoll(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string, @Body() form: RollDto) {
    await this.anvandare.addRole(actor, id, form);
    return omdirigera(`/admin/anvandare/${id}`, { rubrik: 'Rollen är tillagd' });
  }

  @Get(':id/roller/ta-bort')
  async visaBorttagning(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return this.kontoSida(actor, id);
  }

  @Post(':id/roller/ta-bort')
  async taBortRoll(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string, @Body() form: RollDto) {
    await this.anvandare.removeRole(actor, id, form);
    return omdirigera(`/admin/anvandare/${id}`, { rubrik: 'Rollen är borttagen' });
  }

  @Post(':id/aterstall-losenord')
  async aterstall(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    const anvandare = await this.anvandare.sendReset(actor, id);
    return omdirigera(`/admin/anvandare/${id}`, {
      rubrik: 'Länken är skickad',
      text: `${anvandare.namn} har fått en länk för att välja ett nytt lösenord.`,
    });
  }

  @Get(':id/inaktivera')
  async visaInaktivering(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    return sida('anvandare/inaktivera', { konto: await this.anvandare.get(actor, id) });
  }

  @Post(':id/inaktivera')
  async inaktivera(@CurrentActor() actor: Actor, @Param('id', anvandareId) id: string) {
    const anvandare = await this.anvandare.deactivate(actor, id);
    return omdirigera(`/admin/anvandare/${id}`, {
      rubrik: `${anvandare.namn} är inaktiverad`,
      text: 'Kontot kan inte längre logga in, och pågående inloggningar är avslutade.',
    });
  }

  private async kontoSida(actor: Actor, id: string) {
    const { anvandare, enheter } = await this.anvandare.getWithEnheter(actor, id);
    return sida('anvandare/anvandare', { konto: anvandare, enheter });
  }
}
