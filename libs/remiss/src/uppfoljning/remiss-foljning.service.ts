import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog, Loggpost } from '@app/auth';
import { DataSource } from 'typeorm';
import { RemissRepository, Remissmottagare } from '../remiss.repository';
import { toRemisshandlingResponse } from '../remiss.response';
import { Aviseringar } from '../utskick/aviseringar.service';
import { HandelseResponse, RemissFoljningResponse } from './remiss-foljning.response';
import { RemissOversiktService } from './remiss-oversikt.service';

/** The events of a remiss its sender's timeline shows, in Swedish; drafts' events never (they stay in the nämnd). */
const HANDELSER: Record<string, (p: Loggpost) => string> = {
  remiss_skapad: () => 'Remissen skapades',
  remiss_utskickad: () => 'Remissen skickades ut',
  remissinstans_tillagd: () => 'Remissinstansen lades till och fick remissen',
  remisshandling_tillagd_efter_utskick: (p) =>
    `${p.data.slag === 'rattelse' ? 'En rättad remisshandling' : 'En kompletterande remisshandling'} lades till: ${String(p.data.titel)}`,
  anstand_beviljat: (p) => `Anstånd beviljades till ${String(p.data.till)}`,
  remissinstans_registrerad: () => 'Remissen registrerades i remissinstansens diarium',
  remissvar_expedierat: () => 'Svaret expedierades',
  externt_remissvar_mottaget: () => 'Svaret kom in genom den personliga länken',
  extern_avstar: () => 'Remissinstansen avstod genom den personliga länken',
  remissvar_mottaget: (p) => `Svar som kom in ${String(p.data.inkom)} registrerades`,
  avstaende_mottaget: (p) => `Besked om att avstå, som kom in ${String(p.data.inkom)}, registrerades`,
  paminnelse_skickad_manuellt: () => 'En påminnelse skickades',
  extern_lank_aterkallad: () => 'Den personliga länken stängdes',
  extern_lank_ny: (p) =>
    p.data.epost ? 'En ny personlig länk skickades till en rättad adress' : 'En ny personlig länk skickades',
  remiss_aterkallad: (p) => `Remissen återkallades: ${String(p.data.orsak)}`,
  remiss_avslutad: () => 'Remissen avslutades',
  remissammanstallning_arkiverad: (p) =>
    `Remissammanställningen registrerades i ärendet ${String(p.data.diarienummer)} och arkiverades`,
};

/** What the status page of a sent remiss shows. Reads only. */
@Injectable()
export class RemissFoljningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly oversikt: RemissOversiktService,
    private readonly remisser: RemissRepository,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
  ) {}

  /** Enheter a forgotten instans can be (the directory drafts choose from), for the add form. */
  valbaraMottagare(actor: Actor): Promise<Remissmottagare[]> {
    return this.remisser.valbaraMottagare(actor);
  }

  async view(actor: Actor, remissId: string): Promise<RemissFoljningResponse> {
    // The status view proves the remiss is the caller's own (404 otherwise) before anything else is read; what it
    // read of the instanser names the timeline's events, so the rest is one round of reads.
    const status = await this.oversikt.status(actor, remissId);
    const m = this.dataSource.manager;
    const namn = new Map(status.instanser.map((i) => [i.id, i.namn]));
    const expedierade = status.instanser.flatMap((i) => (i.remissvarId ? [i.remissvarId] : []));
    const [handlingar, paminnelser, lankar, loggen] = await Promise.all([
      this.remisser.handlingar(m, remissId),
      this.aviseringar.paminnelser.listForRemiss(m, remissId),
      this.remisser.externaLankar(remissId),
      this.audit.list(
        m,
        actor.organisationId,
        [
          { typ: 'remiss', ids: [remissId] },
          { typ: 'remissinstans', ids: [...namn.keys()] },
          { typ: 'remissvar', ids: expedierade },
        ],
        Object.keys(HANDELSER),
      ),
    ]);
    const svarTillInstans = new Map(status.instanser.map((i) => [i.remissvarId, i.id]));
    const handelser: HandelseResponse[] = loggen.map((p) => {
      const instansId = p.objektTyp === 'remissvar' ? svarTillInstans.get(p.objektId) : p.objektId;
      return {
        handelse: p.handelse,
        text: HANDELSER[p.handelse](p),
        instans: p.objektTyp === 'remiss' ? null : (namn.get(instansId ?? '') ?? null),
        anvandare: p.anvandare,
        at: p.createdAt,
      };
    });
    return {
      ...status,
      handlingar: handlingar.map(toRemisshandlingResponse),
      paminnelser,
      lankar: [...lankar],
      handelser,
    };
  }
}
