import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { Public, RateLimited, sendFil, STALLNINGSNAMN, SYNPUNKTSTYPNAMN } from '@app/core';
import { SvarsUppladdning, UppladdadFil, UppladdadWordfil, Uppladdning } from '@app/archive';
import { ExternRemissvarService, ExternService, ExternVy } from '@app/svar';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { WebbRequest } from '../grund/webb-kontext';
import { AvstaFormular, ExternSvarFormular, SkickaSvarFormular, svarFormular } from './extern.dto';

/** The link's own page, where every page under it leads back to. */
const lanken = (token: string) => `/svara/${encodeURIComponent(token)}`;

/**
 * The pages of an external remissinstans' personal link (`/svara/:token…`): no account, the
 * unguessable token in the path is the credential. So these routes are public and their forms
 * carry no CSRF token (there is no session to bind one to): a forged cross-site post is refused by
 * the origin check every unsafe request passes (refuseCrossOriginRequests), and a forger would
 * need the token, which only the instans' mail holds. Limited per client IP as the API's link
 * routes are (LINK_RATE_MAX). A link that no longer works shows why and whom to ask (410); an
 * unknown one is the Swedish 404 page.
 */
@Public()
@RateLimited('link')
@WebController('svara/:token')
export class ExternController {
  constructor(
    private readonly extern: ExternService,
    private readonly remissvar: ExternRemissvarService,
  ) {}

  @Get()
  async remiss(@Param('token') token: string) {
    return sidaFor(token, await this.extern.view(token), 'extern/remiss');
  }

  /** The form shows the saved draft, or what was typed into a refused form (the flash's values). */
  @Get('svar')
  async formular(@Param('token') token: string, @Req() req: WebbRequest) {
    const vy = await this.extern.view(token);
    const formular = vy.lage === 'oppen' && svarFormular(vy.remiss.fragor, vy.utkast, req.webb?.flash ?? {});
    return sidaFor(token, vy, 'extern/svar', { formular });
  }

  @Post('svar')
  async spara(@Param('token') token: string, @Body() form: ExternSvarFormular) {
    const { atgard, ...svar } = form;
    await this.remissvar.save(token, svar);
    return atgard === 'granska'
      ? omdirigera(`${lanken(token)}/svar/skicka`)
      : omdirigera(`${lanken(token)}/svar`, {
          rubrik: 'Utkastet är sparat',
          text: 'Ni kan fortsätta senare genom samma länk. Svaret skickas först när ni väljer Skicka svaret.',
        });
  }

  @Get('svar/skicka')
  async granska(@Param('token') token: string) {
    return sidaFor(token, await this.extern.view(token), 'extern/skicka');
  }

  @Post('svar/skicka')
  async skicka(@Param('token') token: string, @Body() form: SkickaSvarFormular) {
    await this.remissvar.send(token, form.version);
    return omdirigera(`${lanken(token)}/kvittens`);
  }

  @Get('svar/forhandsvisning')
  async forhandsvisning(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.remissvar.preview(token));
  }

  @Get('ladda-upp')
  async uppladdning(@Param('token') token: string) {
    return sidaFor(token, await this.extern.view(token), 'extern/ladda-upp');
  }

  @Post('ladda-upp')
  @UseInterceptors(SvarsUppladdning)
  async laddaUpp(
    @Param('token') token: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @UppladdadWordfil() word: Uppladdning | undefined,
  ) {
    await this.extern.submitRemissvar(token, fil, word);
    return omdirigera(`${lanken(token)}/kvittens`);
  }

  @Get('avsta')
  async avstaende(@Param('token') token: string) {
    return sidaFor(token, await this.extern.view(token), 'extern/avsta');
  }

  @Post('avsta')
  async avsta(@Param('token') token: string, @Body() form: AvstaFormular) {
    await this.extern.submitAvstaende(token, form.motivering);
    return omdirigera(`${lanken(token)}/kvittens`);
  }

  /** Right after sending: the receipt; later visits see the link's read-only page. */
  @Get('kvittens')
  async kvittens(@Param('token') token: string) {
    return sidaFor(token, await this.extern.view(token), 'extern/kvittens');
  }

  @Get('handlingar/:handlingId')
  async handling(@Param('token') token: string, @Param('handlingId', new ParseUUIDPipe()) handlingId: string) {
    return sida('extern/handling', { token, ...(await this.extern.handlingstext(token, handlingId)) });
  }

  @Get('handlingar/:handlingId/pdf')
  async handlingPdf(
    @Param('token') token: string,
    @Param('handlingId', new ParseUUIDPipe()) handlingId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    // Inline, as on the nämnd's pages, so that the page's "Öppna sidan 5" (…/pdf#page=5) opens the reader at
    // that page; the file is sandboxed like every file, and the API still hands it out as an attachment.
    return sendFil(res, { ...(await this.extern.handling(token, handlingId)), disposition: 'inline' });
  }

  @Get('missiv')
  async missiv(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.missiv(token));
  }

  @Get('skickat/pdf')
  async skickatPdf(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.sentFile(token, 'pdf'));
  }

  @Get('skickat/word')
  async skickatWord(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.sentFile(token, 'word'));
  }
}

/** Which pages each state of the link shows; any other page of it leads to the link's own page. */
const SIDOR_I_LAGE: Record<ExternVy['lage'], string[]> = {
  oppen: ['extern/remiss', 'extern/svar', 'extern/skicka', 'extern/ladda-upp', 'extern/avsta'],
  skickat: ['extern/remiss', 'extern/kvittens'],
  stangd: [],
};

/**
 * The page for the link's state: the asked one if the state has it (a sent answer's link page is
 * read-only), a closed link's page (410, naming whom to ask) whatever was asked, or back to the
 * link's page (answering pages once sent; the receipt before anything was sent).
 */
function sidaFor(token: string, vy: ExternVy, mall: string, extra: Record<string, unknown> = {}) {
  if (vy.lage === 'stangd') return sida('extern/stangd', { token, ...vy }, 410);
  if (!SIDOR_I_LAGE[vy.lage].includes(mall)) return omdirigera(lanken(token));
  return sida(mall, {
    token,
    ...vy,
    titlar: Object.fromEntries(vy.handlingar.map((h) => [h.id, h.titel])),
    ...FORMULARETS_VAL,
    handlingsval: [{ value: '', text: 'Ingen' }, ...vy.handlingar.map((h) => ({ value: h.id, text: h.titel }))],
    ...extra,
  });
}

/** The names the answer's pages show for a synpunkt's kind and the answer's position, and the form's choices. */
const versal = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}`;
const FORMULARETS_VAL = {
  typnamn: SYNPUNKTSTYPNAMN,
  stallningsnamn: Object.fromEntries(Object.entries(STALLNINGSNAMN).map(([k, v]) => [k, versal(v.namn)])),
  synpunktstyper: Object.entries(SYNPUNKTSTYPNAMN).map(([value, text]) => ({ value, text })),
  stallningar: Object.entries(STALLNINGSNAMN).map(([value, { namn }]) => ({ value, text: versal(namn) })),
};
