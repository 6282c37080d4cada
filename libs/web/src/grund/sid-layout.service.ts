import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { navigering } from './navigering';
import { Sida } from './sida';
import { faltId, Sidmallar } from './sidmallar.service';
import { WebbRequest } from './webb-kontext';

/** The path of a request without its query, for "where am I" in the navigation and the sign-in's way back. */
export const sokvagen = (url: string) => url.split('?')[0];

/**
 * What every page's layout shows besides its own content: the header (organisation, user, enhet),
 * the navigation by role, the form token, and the flash (notification banner, or a refused form's
 * errors and typed values).
 */
@Injectable()
export class SidLayout {
  constructor(private readonly mallar: Sidmallar) {}

  send(req: WebbRequest, reply: FastifyReply, sida: Sida): FastifyReply {
    const html = this.mallar.render(`sidor/${sida.mall}.njk`, { ...this.context(req), ...sida.data });
    return reply.code(sida.status).type('text/html; charset=utf-8').send(html);
  }

  private context(req: WebbRequest): Record<string, unknown> {
    const sokvag = sokvagen(req.url);
    const webb = req.webb;
    const flash = webb?.flash ?? {};
    return {
      sokvag,
      csrfToken: req.csrfToken,
      anvandare: req.actor && {
        namn: req.actor.namn,
        organisation: webb?.arbetsplats?.organisationNamn,
        enhet: webb?.valdEnhet,
        flerEnheter: (webb?.arbetsplats?.enheter.length ?? 0) > 1,
      },
      navigering: navigering(webb?.valdEnhet, sokvag, req.actor?.operator),
      notis: flash.notis,
      fel: flash.fel ?? [],
      felPerFalt: Object.fromEntries((flash.fel ?? []).map((f) => [f.falt, f.meddelande])),
      // By field id too: the domain writes a path as `synpunkter[1].citat` or `synpunkter.1.citat`, the id is one.
      felPerId: Object.fromEntries((flash.fel ?? []).map((f) => [faltId(f.falt), f.meddelande])),
      varden: flash.varden ?? {},
      felkod: flash.kod,
      feldetaljer: flash.detaljer,
    };
  }
}
