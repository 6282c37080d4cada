import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import {
  CappedSida,
  Clock,
  csv,
  DomainError,
  Filsvar,
  forbidden,
  illegalTransition,
  notFound,
  stockholmDatum,
} from '@app/core';
import { Arende, Diarium, Roll } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { ArkivService } from '../arkiv/arkiv.service';
import { FilRepository } from '../fil/fil.repository';
import { PdfGranskning } from '../fil/pdf-granskning.service';
import { Uppladdning } from '../fil/pdf-uppladdning.interceptor';
import { DiariumSokQuery, NyHandlingDto, NyttArendeDto, SekretessDto } from './diarium.dto';
import { DiariumRepository } from './diarium.repository';
import {
  ArendeMedHandlingarResponse,
  ArendeResponse,
  DiariumTraffResponse,
  HandlingResponse,
  toArendeResponse,
  toHandlingResponse,
} from './diarium.response';
import { DiariumSokReadModel } from './diarium-sok.read-model';

export interface NyttArende {
  /** The enhet the ärende is opened for: its diarium numbers it. */
  enhetId: string;
  arendemening: string;
  /** An entered number (validated, unique); when absent the next number is allocated. */
  diarienummer?: string;
}

const REGISTRERANDE_ROLLER: Roll[] = ['registrator', 'namndsekreterare', 'remissansvarig'];
/** Who keeps an ärende by hand: registers handlingar in it, marks sekretess, closes it. */
const DIARIEFORANDE: Roll[] = ['registrator', 'namndsekreterare'];

const RIKTNINGSNAMN = { inkommande: 'Inkommande', utgaende: 'Utgående', upprattad: 'Upprättad' } as const;

/**
 * The registrator's diarium: ärenden opened through the enhet's diarium, searched, read (a sekretess
 * handling's motpart, beskrivning and file only by those with a role at the ärende's enhet), kept
 * by hand (handlingar registered, sekretess marked, closed) and extracted as CSV.
 */
@Injectable()
export class DiariumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly diarier: DiariumRepository,
    private readonly sok: DiariumSokReadModel,
    private readonly arkiv: ArkivService,
    private readonly filer: FilRepository,
    private readonly granskning: PdfGranskning,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Searching the whole organisation's diarium is the registrator's (at any of its enheter). */
  search(actor: Actor, query: DiariumSokQuery): Promise<CappedSida<DiariumTraffResponse>> {
    requireRegistrator(actor);
    return this.sok.search(actor, query);
  }

  /** The handlingar the search finds, one CSV row each, sekretess applied as on the pages. */
  async csv(actor: Actor, query: DiariumSokQuery): Promise<Filsvar> {
    requireRegistrator(actor);
    const rader = await this.sok.rader(actor, query);
    const data = csv([
      [
        'Diarienummer',
        'Ärendemening',
        'Ärendets status',
        'Enhet',
        'Löpnummer',
        'Datum',
        'Riktning',
        'Avsändare/mottagare',
        'Beskrivning',
        'Sekretess',
      ],
      ...rader.map((r) => [
        r.diarienummer,
        r.arendemening,
        r.status === 'oppet' ? 'öppet' : 'avslutat',
        r.enhet,
        r.lopnummer,
        r.datum,
        RIKTNINGSNAMN[r.riktning],
        r.motpart,
        r.beskrivning ?? (r.sekretess ? 'Sekretessmarkerad uppgift' : null),
        r.sekretess,
      ]),
    ]);
    return {
      filnamn: `diarium-${stockholmDatum(this.clock.now())}.csv`,
      data,
      mediaType: 'text/csv; charset=utf-8',
      disposition: 'attachment',
    };
  }

  async getArende(actor: Actor, id: string): Promise<ArendeMedHandlingarResponse> {
    const { arende, handlingar, enhet, diarium } = await this.diarier.arende(actor, id);
    const synlig = actor.enheter().includes(arende.enhetId);
    return {
      arende: toArendeResponse(arende),
      enhet,
      diarium,
      handlingar: handlingar.map((h) => toHandlingResponse(h, synlig)),
      skriva: actor.hasRoleAt(arende.enhetId, ...DIARIEFORANDE),
    };
  }

  /** The ärende for a page that changes it (register, mark sekretess, close): 403 unless the caller keeps it. */
  async getArendeAttAndra(actor: Actor, id: string): Promise<ArendeMedHandlingarResponse> {
    const vy = await this.getArende(actor, id);
    if (!vy.skriva)
      throw forbidden('Keeping an ärende by hand needs the role registrator or namndsekreterare at its enhet');
    return vy;
  }

  /** A handling's document; a sekretess handling's only for those with a role at the ärende's enhet. */
  async fil(actor: Actor, arendeId: string, handlingId: string): Promise<Filsvar> {
    const { arende, handlingar } = await this.diarier.arende(actor, arendeId);
    const handling = handlingar.find((h) => h.id === handlingId);
    if (!handling?.filId) throw notFound('Handlingens fil');
    if (handling.sekretess && !actor.enheter().includes(arende.enhetId))
      throw forbidden(`The handling is sekretess (${handling.sekretess}): its file needs a role at the ärende's enhet`);
    const { fil, data } = await this.filer.data(this.dataSource.manager, handling.filId);
    return { filnamn: fil.filnamn, data, mediaType: 'application/pdf', disposition: 'attachment' };
  }

  /**
   * An inkommande handling registered by hand (a letter, an e-mail's PDF) through ArkivService's one
   * registration call, with what OSL 5 kap. 2 § asks (the DTO requires datum, avsändare, beskrivning).
   * Its PDF, when one is sent, is stored and archived with it, as a received answer is; without one
   * the letter is noted only (a paper letter kept on paper).
   */
  async registerInkommande(
    actor: Actor,
    arendeId: string,
    dto: NyHandlingDto,
    fil?: Uppladdning,
  ): Promise<HandlingResponse> {
    const filnamn = fil?.originalname || 'handling.pdf';
    // Checked and read before the transaction: a bad file stores nothing and locks nothing.
    const pdf = fil?.buffer ? await this.granskning.checkPdf(fil.buffer, filnamn) : null;
    return this.dataSource.transaction(async (m) => {
      const arende = await this.diarier.lockOwnArende(m, actor, arendeId);
      requireDiarieforare(actor, arende, 'Registering a handling');
      if (arende.status !== 'oppet') throw illegalTransition('arende', arende.status, 'registreraHandling');
      const [{ handling }] = await this.arkiv.registerHandling(
        m,
        pdf && { filnamn, mimetyp: 'application/pdf', data: pdf.data, sha256: pdf.sha256 },
        [
          {
            arendeId: arende.id,
            riktning: 'inkommande',
            datum: dto.datum,
            motpart: dto.motpart,
            beskrivning: dto.beskrivning,
            sekretess: dto.sekretess ?? null,
            registreradAv: actor.anvandareId,
            arkivera: { dokumenttyp: 'inkommen_handling', titel: dto.beskrivning, upphov: dto.motpart },
          },
        ],
      );
      await this.audit.recordBy(m, actor, {
        handelse: 'handling_registrerad',
        objektTyp: 'handling',
        objektId: handling.id,
        data: {
          diarienummer: arende.diarienummer,
          lopnummer: handling.lopnummer,
          filId: handling.filId,
          sha256: pdf?.sha256 ?? null,
        },
      });
      return toHandlingResponse(handling, true);
    });
  }

  async markSekretess(
    actor: Actor,
    arendeId: string,
    handlingId: string,
    dto: SekretessDto,
  ): Promise<HandlingResponse> {
    return this.dataSource.transaction(async (m) => {
      const arende = await this.diarier.lockOwnArende(m, actor, arendeId);
      requireDiarieforare(actor, arende, 'Marking sekretess');
      const handling = await this.diarier.handling(m, arende.id, handlingId);
      await this.diarier.setSekretess(m, handling.id, dto.sekretess);
      await this.audit.recordBy(m, actor, {
        handelse: 'handling_sekretessmarkerad',
        objektTyp: 'handling',
        objektId: handling.id,
        data: {
          diarienummer: arende.diarienummer,
          sekretess: dto.sekretess,
        },
      });
      return toHandlingResponse({ ...handling, sekretess: dto.sekretess }, true);
    });
  }

  async closeArende(actor: Actor, id: string): Promise<ArendeResponse> {
    return this.dataSource.transaction(async (m) => {
      const arende = await this.diarier.lockOwnArende(m, actor, id);
      requireDiarieforare(actor, arende, 'Closing an ärende');
      if (arende.status !== 'oppet') throw illegalTransition('arende', arende.status, 'avslutaArende');
      const now = this.clock.now();
      await this.diarier.closeArende(m, arende, actor.anvandareId, now);
      await this.audit.recordBy(m, actor, {
        handelse: 'arende_avslutat',
        objektTyp: 'arende',
        objektId: arende.id,
        data: { diarienummer: arende.diarienummer },
      });
      return toArendeResponse({ ...arende, status: 'avslutat', avslutatAt: now, avslutatAv: actor.anvandareId });
    });
  }

  /** A registrator (or namndsekreterare, remissansvarig) opens an ärende by hand in a diarium. */
  async openArende(actor: Actor, diariumId: string, dto: NyttArendeDto): Promise<ArendeResponse> {
    const arende = await this.dataSource.transaction(async (m) => {
      const diarium = await this.diarier.get(m, actor, diariumId);
      const enhetId = dto.enhetId ?? (await this.enhetAttRegistreraFor(m, actor, diarium));
      const enhet = await this.diarier.enhet(m, actor, enhetId);
      if (enhet.diariumId !== diarium.id)
        throw forbidden(`${enhet.namn} numbers its ärenden in another diarium than ${diarium.namn}`);
      return this.registerArende(m, actor, { enhetId, arendemening: dto.arendemening, diarienummer: dto.diarienummer });
    });
    return toArendeResponse(arende);
  }

  /**
   * Opens an ärende for an enhet in the diarium the enhet is set to, in the caller's transaction:
   * every dnr of the platform (a remiss' utkast, a nämnd's registrering, one by hand) is allocated here.
   */
  async registerArende(manager: EntityManager, actor: Actor, nytt: NyttArende): Promise<Arende> {
    const enhet = await this.diarier.enhet(manager, actor, nytt.enhetId);
    const diarium = await this.diarier.forEnhet(manager, enhet);
    if (!diarium) throw new DomainError('DIARIUM_SAKNAS', { enhet: enhet.namn });
    if (!actor.hasRoleAt(enhet.id, ...REGISTRERANDE_ROLLER))
      throw forbidden(
        `Registering for ${enhet.namn} needs the role registrator, namndsekreterare or remissansvarig there`,
      );
    const nummer = nytt.diarienummer
      ? await this.diarier.claimEntered(manager, diarium, nytt.diarienummer)
      : { ar: this.currentYear(), ...(await this.diarier.allocate(manager, diarium, this.currentYear())) };
    const arende = await this.diarier.insertArende(manager, {
      organisationId: diarium.organisationId,
      diariumId: diarium.id,
      enhetId: enhet.id,
      diarienummer: nummer.diarienummer,
      ar: nummer.ar,
      lopnummer: nummer.lopnummer,
      arendemening: nytt.arendemening,
      createdBy: actor.anvandareId,
      status: 'oppet',
      avslutatAt: null,
      avslutatAv: null,
    });
    await this.audit.recordBy(manager, actor, {
      handelse: 'arende_registrerat',
      objektTyp: 'arende',
      objektId: arende.id,
      data: { diarienummer: arende.diarienummer },
    });
    return arende;
  }

  /** The first enhet (by name) set to the diarium where the caller may register. */
  private async enhetAttRegistreraFor(m: EntityManager, actor: Actor, diarium: Diarium): Promise<string> {
    const enhet = (await this.diarier.enheter(m, actor)).find(
      (e) => e.diariumId === diarium.id && actor.hasRoleAt(e.id, ...REGISTRERANDE_ROLLER),
    );
    if (!enhet)
      throw forbidden(
        `Registering in ${diarium.namn} needs the role registrator, namndsekreterare or remissansvarig at an enhet it serves`,
      );
    return enhet.id;
  }

  private currentYear(): number {
    return Number(stockholmDatum(this.clock.now()).slice(0, 4));
  }
}

function requireRegistrator(actor: Actor): void {
  if (!actor.hasRole('registrator')) throw forbidden('The diarium is searched by a registrator');
}

function requireDiarieforare(actor: Actor, arende: Arende, vad: string): void {
  if (!actor.hasRoleAt(arende.enhetId, ...DIARIEFORANDE))
    throw forbidden(`${vad} needs the role registrator or namndsekreterare at the ärende's enhet`);
}
