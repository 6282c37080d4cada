import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilRepository } from '@app/archive';
import { Actor } from '@app/auth';
import { Clock, daysBetween, Filsvar, notFound, pdfFil, stockholmDatum } from '@app/core';
import { isInstansForsenad } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { BESLUTA, INKORG_SIDOR, REGISTRERA, requireRoll, SKRIVA } from '../behorighet';
import { RemissvarRepository } from '../remissvar.repository';
import { InstansMedRemiss, NamndInstansRepository } from './namnd-instans.repository';
import { HandlingstextVy, NamndInstansVy } from './namnd-instans.view';

/** What the pages of one action need at the enhet: registrera and avstå are the nämndsekreterare's. */
const ATGARD_ROLLER = { registrera: REGISTRERA, avsta: BESLUTA };
export type NamndAtgard = keyof typeof ATGARD_ROLLER;

/**
 * The remissinstans as its nämnd received it, for the pages of the enhet the user works for.
 * Another organisation's instans is a 404; without a nämnd role at the chosen enhet the pages are a
 * 403; another enhet's instans of the own organisation is a 404 too (drafts and work stay inside
 * the nämnd, so its existence is not the others' to learn here).
 */
@Injectable()
export class NamndInstansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instanser: NamndInstansRepository,
    private readonly svar: RemissvarRepository,
    private readonly filer: FilRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, enhetId: string, instansId: string): Promise<NamndInstansVy> {
    const lage = await this.visible(this.dataSource.manager, actor, enhetId, instansId);
    return this.vy(this.dataSource.manager, actor, lage);
  }

  /** The instans for the page of an action, which only the roles that may take it open. */
  async forAtgard(actor: Actor, enhetId: string, instansId: string, atgard: NamndAtgard): Promise<NamndInstansVy> {
    const lage = await this.visible(this.dataSource.manager, actor, enhetId, instansId);
    requireRoll(actor, enhetId, ATGARD_ROLLER[atgard], `The page to ${atgard}`);
    return this.vy(this.dataSource.manager, actor, lage);
  }

  /** A remisshandling's text page by page. */
  async handlingstext(actor: Actor, enhetId: string, instansId: string, handlingId: string): Promise<HandlingstextVy> {
    const m = this.dataSource.manager;
    const { remiss } = await this.visible(m, actor, enhetId, instansId);
    const handling = (await this.instanser.handlingar(m, remiss.id)).find((h) => h.id === handlingId);
    if (!handling) throw notFound('Remisshandling');
    const sidor = await this.instanser.sidtexter(m, handling.id);
    return {
      instans: { id: instansId, arendemening: remiss.arendemening, avsandarDiarienummer: remiss.diarienummer },
      handling,
      sidor: sidor.map((text, i) => ({ nummer: i + 1, text })),
    };
  }

  /** A remisshandling's PDF, inline: a browser opens it at `#page=N`. */
  async handlingPdf(actor: Actor, enhetId: string, instansId: string, handlingId: string): Promise<Filsvar> {
    const m = this.dataSource.manager;
    const { remiss } = await this.visible(m, actor, enhetId, instansId);
    const handling = await this.instanser.handling(m, remiss.id, handlingId);
    if (!handling) throw notFound('Remisshandling');
    const { fil, data } = await this.filer.data(m, handling.filId);
    return pdfFil(fil.filnamn, data, 'inline');
  }

  private async visible(m: EntityManager, actor: Actor, enhetId: string, instansId: string): Promise<InstansMedRemiss> {
    const lage = await this.instanser.get(m, actor, instansId);
    requireRoll(actor, enhetId, INKORG_SIDOR, 'The inkorg pages');
    if (lage.instans.mottagareEnhetId !== enhetId) throw notFound('Remissinstans');
    return lage;
  }

  private async vy(m: EntityManager, actor: Actor, { instans, remiss }: InstansMedRemiss): Promise<NamndInstansVy> {
    const [avsandare, handlingar, svar] = await Promise.all([
      this.instanser.avsandarNamn(m, remiss),
      this.instanser.handlingar(m, remiss.id),
      this.svar.forInstans(m, instans.id),
    ]);
    const idag = stockholmDatum(this.clock.now());
    const oppen = remiss.status === 'utskickad';
    const forsenad = isInstansForsenad(instans, idag);
    const kontakt = [remiss.kontaktpersonNamn, remiss.kontaktpersonEpost, remiss.kontaktpersonTelefon];
    const far = (roller: typeof SKRIVA) => oppen && actor.hasRoleAt(instans.mottagareEnhetId, ...roller);
    return {
      id: instans.id,
      status: instans.status,
      forsenad,
      dagarForsenad: forsenad ? daysBetween(instans.svarsdatum, idag) : null,
      svarsdatum: instans.svarsdatum,
      anstand:
        instans.svarsdatum !== remiss.svarsdatum
          ? { ursprungligtSvarsdatum: remiss.svarsdatum, orsak: instans.anstandOrsak }
          : null,
      diarienummer: instans.mottagareDiarienummer,
      registreradAt: instans.registreradAt,
      besvaradAt: instans.besvaradAt,
      avstodAt: instans.avstodAt,
      avstarMotivering: instans.avstarMotivering,
      avsandare,
      remiss: {
        id: remiss.id,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        missiv: remiss.missiv,
        fragor: remiss.fragor,
        status: remiss.status,
        utskickadAt: remiss.utskickadAt,
      },
      kontaktperson: kontakt.some(Boolean) ? { namn: kontakt[0], epost: kontakt[1], telefon: kontakt[2] } : null,
      handlingar,
      remissvar: svar && { id: svar.id, status: svar.status, typ: svar.typ },
      atgarder: {
        registrera: instans.status === 'inbjuden' && far(REGISTRERA),
        // A decided answer is sent, not replaced by a declining letter.
        avsta:
          ['inbjuden', 'registrerad', 'under_beredning'].includes(instans.status) &&
          (!svar || svar.status === 'utkast' || svar.status === 'for_beslut') &&
          far(BESLUTA),
        skrivaSvar: ['registrerad', 'under_beredning'].includes(instans.status) && far(SKRIVA),
      },
    };
  }
}
