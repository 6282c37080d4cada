import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilRepository } from '@app/archive';
import { Actor } from '@app/auth';
import { Filsvar, notFound, SidQuery, STALLNINGSNAMN, statusnamn } from '@app/core';
import { Remissvar } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { BESLUTA, LASA_UTKAST, requireRoll, SKRIVA } from '../behorighet';
import { ExpedieringService } from '../expediering/expediering.service';
import { InstansMedRemiss, NamndInstansRepository } from '../instans/namnd-instans.repository';
import { BeslutDto, RemissvarInnehallDto } from '../remissvar.dto';
import { RemissvarRepository } from '../remissvar.repository';
import { BeslutResponse, RemissvarResponse } from '../remissvar.response';
import { RemissvarService } from '../remissvar.service';
import { ExpedieringVy, HistorikVy, RevisionVy, SvarsramVy, SvarsredigeringVy, Val } from './instans-svar.view';

/** A synpunkt's kind as the editor names it. */
export const SYNPUNKTSTYPNAMN: Record<string, string> = {
  medhall: 'Medhåll',
  invandning: 'Invändning',
  andringsforslag: 'Ändringsförslag',
  ovrigt: 'Övrigt',
};

const STALLNINGAR: Val[] = Object.entries(STALLNINGSNAMN).map(([value, s]) => ({
  value,
  text: `${s.namn.charAt(0).toUpperCase()}${s.namn.slice(1)}`,
}));

/** "Nämndbeslut 2025-04-23, § 45" or "Delegationsbeslut 2025-04-23 av Eva Ek, förvaltningschef". */
export function beslutstext(
  b: Pick<BeslutResponse, 'typ' | 'beslutsdatum' | 'paragraf' | 'delegatNamn' | 'delegatTitel'>,
) {
  if (b.typ === 'namndbeslut') return `Nämndbeslut ${b.beslutsdatum}, ${b.paragraf}`;
  return `Delegationsbeslut ${b.beslutsdatum} av ${b.delegatNamn}${b.delegatTitel ? `, ${b.delegatTitel}` : ''}`;
}

/**
 * One remissinstans' answer as the nämnd's pages reach it: by the instans (`/inkorg/:instansId/svar…`),
 * whether or not an answer exists yet. Visible only to users with a role at the answering enhet
 * (anyone else gets a 404: drafts stay inside the nämnd, DESIGN.md §4); every change goes through
 * RemissvarService and ExpedieringService, whose rules (roles, states, versions) it does not repeat.
 */
@Injectable()
export class InstansSvarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instanser: NamndInstansRepository,
    private readonly svar: RemissvarRepository,
    private readonly remissvar: RemissvarService,
    private readonly expediering: ExpedieringService,
    private readonly filer: FilRepository,
  ) {}

  async editor(actor: Actor, instansId: string): Promise<SvarsredigeringVy> {
    const manager = this.dataSource.manager;
    const lage = await this.visible(manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, SKRIVA, 'The editor');
    const handlingar = await this.instanser.handlingar(manager, lage.remiss.id);
    return {
      ...(await this.ram(manager, actor, lage)),
      fragor: lage.remiss.fragor.map((f) => ({ nummer: f.nummer, text: f.text })),
      handlingar: handlingar.map((h) => ({ id: h.id, titel: h.titel, sidantal: h.sidantal })),
      synpunktstyper: Object.entries(SYNPUNKTSTYPNAMN).map(([value, text]) => ({ value, text })),
      stallningar: STALLNINGAR,
    };
  }

  /** The first save creates the answer; later ones save it under the version the form was based on. */
  async save(
    actor: Actor,
    instansId: string,
    version: number | undefined,
    dto: RemissvarInnehallDto,
  ): Promise<RemissvarResponse> {
    const svar = await this.svarFor(actor, instansId);
    if (!svar) return this.remissvar.create(actor, instansId, dto);
    // A form opened before anyone had saved carries no version: it is based on "nothing yet", so
    // the save is stale and its user sees every save since, as for any other stale save.
    return this.remissvar.save(actor, svar.id, version ?? 0, dto);
  }

  async historik(actor: Actor, instansId: string, query: SidQuery): Promise<HistorikVy> {
    const manager = this.dataSource.manager;
    const lage = await this.visible(manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, LASA_UTKAST, 'The revision history');
    const svar = await this.requireSvar(manager, instansId);
    return {
      ...(await this.ram(manager, actor, lage)),
      revisioner: await this.remissvar.revisioner(actor, svar.id, query),
    };
  }

  async revision(actor: Actor, instansId: string, version: number): Promise<RevisionVy> {
    const manager = this.dataSource.manager;
    const lage = await this.visible(manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, LASA_UTKAST, 'The revision history');
    const svar = await this.requireSvar(manager, instansId);
    const revision = await this.remissvar.revision(actor, svar.id, version);
    const handlingar = await this.instanser.handlingar(manager, lage.remiss.id);
    const { stallning, status } = revision.innehall;
    return {
      ...(await this.ram(manager, actor, lage)),
      revision,
      fragor: lage.remiss.fragor.map((f) => ({ nummer: f.nummer, text: f.text })),
      handlingsnamn: Object.fromEntries(handlingar.map((h) => [h.id, h.titel])),
      typnamn: SYNPUNKTSTYPNAMN,
      stallningsnamn: stallning ? STALLNINGSNAMN[stallning].namn : null,
      statusnamn: statusnamn('remissvar', status),
    };
  }

  /** The answer as PDF as it would be sent now. */
  async preview(actor: Actor, instansId: string): Promise<Filsvar> {
    return this.expediering.preview(actor, (await this.requireSvarFor(actor, instansId)).id);
  }

  async submitForBeslut(actor: Actor, instansId: string): Promise<RemissvarResponse> {
    return this.remissvar.submitForBeslut(actor, (await this.requireSvarFor(actor, instansId)).id);
  }

  async returnToUtkast(actor: Actor, instansId: string): Promise<RemissvarResponse> {
    return this.remissvar.returnToUtkast(actor, (await this.requireSvarFor(actor, instansId)).id);
  }

  /** The beslut page: for those who may record it. */
  async beslutSida(actor: Actor, instansId: string): Promise<SvarsramVy> {
    const manager = this.dataSource.manager;
    const lage = await this.visible(manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, BESLUTA, 'Recording a beslut');
    await this.requireSvar(manager, instansId);
    return this.ram(manager, actor, lage);
  }

  async recordBeslut(actor: Actor, instansId: string, dto: BeslutDto): Promise<RemissvarResponse> {
    return this.remissvar.recordBeslut(actor, (await this.requireSvarFor(actor, instansId)).id, dto);
  }

  /** What expediering will send and to whom; once sent, the PDF and its place in the diarium. */
  async expedieringSida(actor: Actor, instansId: string): Promise<ExpedieringVy> {
    const manager = this.dataSource.manager;
    const lage = await this.visible(manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, BESLUTA, 'Sending a remissvar');
    const ram = await this.ram(manager, actor, lage);
    const svar = ram.svar;
    if (!svar) throw notFound('Remissvar');
    const { remiss, instans } = lage;
    const kontakt = remiss.kontaktpersonNamn ?? remiss.kontaktpersonEpost;
    const handling =
      svar.slutligFilId && instans.mottagareArendeId
        ? await this.instanser.utgaendeHandling(manager, instans.mottagareArendeId, svar.slutligFilId)
        : null;
    const fil = svar.slutligFilId ? (await this.filer.get(manager, svar.slutligFilId)).filnamn : null;
    return {
      ...ram,
      sammanfattning: {
        titel: svar.titel,
        stallning: svar.stallning ? STALLNINGSNAMN[svar.stallning].namn : null,
        antalSynpunkter: svar.synpunkter.length,
        beslut: svar.beslut && beslutstext(svar.beslut),
        mottagare: `${ram.remiss.avsandare}${kontakt ? ` (kontaktperson ${kontakt})` : ''}`,
      },
      skickat:
        handling && fil && svar.expedieradAt
          ? {
              filnamn: fil,
              diarienummer: instans.mottagareDiarienummer ?? '',
              lopnummer: handling.lopnummer,
              datum: handling.datum,
              expedieratAt: svar.expedieradAt,
            }
          : null,
    };
  }

  async send(actor: Actor, instansId: string): Promise<RemissvarResponse> {
    return this.expediering.send(actor, (await this.requireSvarFor(actor, instansId)).id);
  }

  /** The PDF that was sent. */
  async sentPdf(actor: Actor, instansId: string): Promise<Filsvar> {
    return this.expediering.pdf(actor, (await this.requireSvarFor(actor, instansId)).id);
  }

  /** The instans, if it is addressed to an enhet where the caller holds a role; otherwise it does not exist for them. */
  private async visible(manager: EntityManager, actor: Actor, instansId: string): Promise<InstansMedRemiss> {
    const lage = await this.instanser.get(manager, actor, instansId);
    if (!actor.enheter().includes(lage.instans.mottagareEnhetId)) throw notFound('Remissinstans');
    return lage;
  }

  private async svarFor(actor: Actor, instansId: string): Promise<Remissvar | null> {
    const manager = this.dataSource.manager;
    await this.visible(manager, actor, instansId);
    return this.svar.forInstans(manager, instansId);
  }

  private async requireSvarFor(actor: Actor, instansId: string): Promise<Remissvar> {
    const svar = await this.svarFor(actor, instansId);
    if (!svar) throw notFound('Remissvar');
    return svar;
  }

  private async requireSvar(manager: EntityManager, instansId: string): Promise<Remissvar> {
    const svar = await this.svar.forInstans(manager, instansId);
    if (!svar) throw notFound('Remissvar');
    return svar;
  }

  private async ram(manager: EntityManager, actor: Actor, { instans, remiss }: InstansMedRemiss): Promise<SvarsramVy> {
    const rad = await this.svar.forInstans(manager, instans.id);
    const svar = rad && (await this.remissvar.load(manager, actor, rad.id));
    const enhet = instans.mottagareEnhetId;
    const skriva = actor.hasRoleAt(enhet, ...SKRIVA);
    const besluta = actor.hasRoleAt(enhet, ...BESLUTA);
    const oppen = remiss.status === 'utskickad';
    const yttrande = svar?.typ === 'yttrande';
    const paborjbar = instans.status === 'registrerad' || instans.status === 'under_beredning';
    return {
      instans: {
        id: instans.id,
        namn: instans.namn,
        status: statusnamn('remissinstans', instans.status),
        diarienummer: instans.mottagareDiarienummer,
        svarsdatum: instans.svarsdatum,
      },
      remiss: {
        arendemening: remiss.arendemening,
        diarienummer: remiss.diarienummer,
        avsandare: await this.instanser.avsandare(manager, remiss, actor.organisationId),
      },
      svar,
      svarsstatus: svar && statusnamn('remissvar', svar.status),
      far: {
        redigera:
          oppen &&
          skriva &&
          (svar ? yttrande && (svar.status === 'utkast' || svar.status === 'for_beslut') : paborjbar),
        forBeslut: oppen && skriva && yttrande && svar?.status === 'utkast',
        tillUtkast: oppen && skriva && yttrande && svar?.status === 'for_beslut',
        besluta: oppen && besluta && yttrande && svar?.status === 'for_beslut',
        expediera: oppen && besluta && yttrande && svar?.status === 'beslutat',
      },
    };
  }
}
