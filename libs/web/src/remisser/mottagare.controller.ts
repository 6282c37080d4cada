import { Body, Get, Param, Post, UseInterceptors } from '@nestjs/common';
import { Actor, CsrfIFormulardel, CurrentActor, Roller } from '@app/auth';
import { PdfUppladdning, UppladdadFil, Uppladdning } from '@app/archive';
import { MottagarImportResponse, RemissMottagareService, SandlistaService } from '@app/remiss';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { MottagareFormular } from './remisser.dto';
import { remissId, tillStatus } from './utkast.controller';

const antal = (n: number) => (n === 1 ? '1 mottagare' : `${n} mottagare`);

/** The import's report: the lines taken in the banner, each refused line beside the list's field, kept there to correct. */
function rapport(id: string, r: MottagarImportResponse) {
  return omdirigera(
    `/remisser/${id}/mottagare`,
    {
      rubrik: `${antal(r.tagna.length)} från listan ${r.tagna.length === 1 ? 'är' : 'är'} tillagda`,
      text: r.tagna.length ? `Tillagda: ${r.tagna.map((t) => t.namn).join(', ')}.` : undefined,
    },
    {
      fel: r.avvisade.map((a) => ({
        falt: 'text',
        meddelande: `Rad ${a.rad} (”${a.text}”) lades inte till: ${a.orsak}.`,
      })),
      varden: { text: r.avvisade.map((a) => a.text).join('\n') },
    },
  );
}

/** Who gets an utkast: enheter from the directory, external parties, a pasted or imported list, a sändlista. */
@Roller('remissansvarig')
@WebController('remisser/:id/mottagare')
export class MottagareController {
  constructor(
    private readonly mottagare: RemissMottagareService,
    private readonly sandlistor: SandlistaService,
  ) {}

  @Get()
  async visa(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const vy = await this.mottagare.view(actor, id);
    return vy.remiss.status === 'utkast' ? sida('remisser/mottagare', { vy }) : tillStatus(id);
  }

  /** Every form of the page posts here (the CSV file's as multipart, its token first). */
  @Post()
  @CsrfIFormulardel()
  @UseInterceptors(PdfUppladdning)
  async andra(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Body() form: MottagareFormular,
    @UppladdadFil() fil: Uppladdning | undefined,
  ) {
    const tillbaka = `/remisser/${id}/mottagare`;
    switch (form.atgard) {
      case 'enheter': {
        const r = await this.mottagare.chooseEnheter(actor, id, form.enhetIds ?? []);
        return omdirigera(tillbaka, { rubrik: 'Valet av enheter är sparat', text: `${antal(r.tillagda)} tillagda.` });
      }
      case 'extern':
        await this.mottagare.add(actor, id, [{ namn: form.extern!.namn.trim(), epost: form.extern!.epost.trim() }]);
        return omdirigera(tillbaka, { rubrik: `${form.extern!.namn.trim()} är tillagd som mottagare` });
      case 'ta-bort':
        await this.mottagare.remove(actor, id, form.nyckel!);
        return omdirigera(tillbaka, { rubrik: 'Mottagaren är borttagen' });
      case 'lista':
        return rapport(id, await this.mottagare.importLista(actor, id, form.text!));
      case 'fil':
        return rapport(id, await this.mottagare.importFil(actor, id, fil));
      case 'sandlista': {
        const r = await this.mottagare.addSandlista(actor, id, form.sandlistaId!);
        return omdirigera(tillbaka, {
          rubrik: `${antal(r.tillagda)} från sändlistan är tillagda`,
          text: r.redan ? `${antal(r.redan)} fanns redan bland mottagarna.` : undefined,
        });
      }
      case 'spara-sandlista': {
        const lista = await this.sandlistor.saveFromRemiss(actor, id, form.namn!);
        return omdirigera(tillbaka, {
          rubrik: `Sändlistan ${lista.namn} är sparad`,
          text: `Den har ${antal(lista.mottagare.length)} och kan användas för nästa remiss.`,
        });
      }
    }
  }
}
