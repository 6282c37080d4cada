import { Injectable } from '@nestjs/common';
import { Fil, Handling } from '@app/database';
import { EntityManager } from 'typeorm';
import { DiariumRepository, NyHandling } from '../diarium/diarium.repository';
import { FilRepository, NyFil } from '../fil/fil.repository';
import { ArkivhandlingRepository, Dokumenttyp } from './arkivhandling.repository';
import { ArkiveringKind } from './arkivering.kind';

/**
 * A registration that makes its document final (sent, received): the handling is archived, in the
 * same transaction, with this metadata; its PDF/A rendition follows after commit.
 */
export interface Arkivuppgifter {
  dokumenttyp: Dokumenttyp;
  titel: string;
  /** Who made the document: the enhet, or the external party. */
  upphov: string;
  beslut?: string | null;
  /** A correction: the arkivhandling this one replaces. */
  ersatterId?: string;
}

/** One ärende a document is registered in, and how. */
export interface Registrering extends Omit<NyHandling, 'filId'> {
  arendeId: string;
  /** Archive the handling (its document is final); only a PDF is archived. */
  arkivera?: Arkivuppgifter;
}

type Bytes = Omit<NyFil, 'organisationId'>;

/**
 * The document of a handling: new bytes, or a file already stored (the missiv a nämnd registers).
 * New bytes may come with the same document as an editable file (an answer's DOCX beside its PDF):
 * one handling, two formats.
 */
export type HandlingsFil = (Bytes & { redigerbar?: Bytes }) | { filId: string };

/** What one registration stored: the handling, its file, its editable rendition and its arkivhandling. */
export interface Registrerad<F> {
  handling: Handling;
  fil: F;
  redigerbar: Fil | null;
  arkivhandlingId: string | null;
}

/**
 * The registrator's ledger: a document becomes a handling in one or more ärenden here, and nowhere
 * else, so what registering implies is decided once: the copy rule, and archiving a final document.
 */
@Injectable()
export class ArkivService {
  constructor(
    private readonly diarier: DiariumRepository,
    private readonly filer: FilRepository,
    private readonly arkivhandlingar: ArkivhandlingRepository,
    private readonly arkivering: ArkiveringKind,
  ) {}

  /**
   * Registers `fil` (or no document) as a handling in each ärende, in the caller's transaction. The
   * file is stored once per organisation whose diarium it enters: files never cross tenants, so an
   * answer to another kommun is stored again for it, while one organisation's two ärenden share one
   * row. The editable rendition follows the same rule. A registration with `arkivera` is archived
   * (an `arkivhandling` of the organisation's own copy, immutable from here) and its PDF/A rendition
   * queued for after commit. Returns the handling and the files of each registration, in order.
   */
  async registerHandling<D extends HandlingsFil | null>(
    manager: EntityManager,
    fil: D,
    registreringar: Registrering[],
  ): Promise<Registrerad<D extends null ? null : Fil>[]> {
    const perOrganisation = new Map<string, Fil>();
    const redigerbarPerOrganisation = new Map<string, Fil>();
    const redigerbar = fil && 'redigerbar' in fil ? fil.redigerbar : undefined;
    const sparad = fil && 'filId' in fil ? await this.filer.get(manager, fil.filId) : null;
    if (sparad) perOrganisation.set(sparad.organisationId, sparad);
    // A stored file's bytes are read only when another organisation needs its own copy.
    const bytes = async (): Promise<Bytes> => {
      if (sparad)
        return {
          filnamn: sparad.filnamn,
          mimetyp: sparad.mimetyp,
          sha256: sparad.sha256,
          data: (await this.filer.data(manager, sparad.id)).data,
        };
      const { filnamn, mimetyp, data, sha256 } = fil as Bytes;
      return { filnamn, mimetyp, data, sha256 };
    };
    const resultat: Registrerad<Fil | null>[] = [];
    for (const { arendeId, arkivera, ...ny } of registreringar) {
      const arende = await this.diarier.lockArende(manager, arendeId);
      let egen = fil ? (perOrganisation.get(arende.organisationId) ?? null) : null;
      if (fil && !egen) {
        egen = await this.filer.insert(manager, { ...(await bytes()), organisationId: arende.organisationId });
        perOrganisation.set(arende.organisationId, egen);
      }
      let egenRedigerbar = redigerbar ? (redigerbarPerOrganisation.get(arende.organisationId) ?? null) : null;
      if (redigerbar && !egenRedigerbar) {
        egenRedigerbar = await this.filer.insert(manager, { ...redigerbar, organisationId: arende.organisationId });
        redigerbarPerOrganisation.set(arende.organisationId, egenRedigerbar);
      }
      const handling = await this.diarier.insertHandling(manager, arende, {
        ...ny,
        filId: egen?.id ?? null,
        redigerbarFilId: egenRedigerbar?.id ?? null,
      });
      const arkivhandlingId =
        arkivera && egen?.mimetyp === 'application/pdf' ? await this.archive(manager, handling, egen, arkivera) : null;
      resultat.push({ handling, fil: egen, redigerbar: egenRedigerbar, arkivhandlingId });
    }
    return resultat as Registrerad<D extends null ? null : Fil>[];
  }

  private async archive(manager: EntityManager, handling: Handling, fil: Fil, uppgifter: Arkivuppgifter) {
    const { id, arkiveringId } = await this.arkivhandlingar.insert(manager, {
      arendeId: handling.arendeId,
      handlingId: handling.id,
      fil,
      titel: uppgifter.titel,
      metadata: {
        dokumenttyp: uppgifter.dokumenttyp,
        riktning: handling.riktning,
        motpart: handling.motpart,
        datum: handling.datum,
        upphov: uppgifter.upphov,
        beslut: uppgifter.beslut ?? null,
        filnamn: fil.filnamn,
      },
      arkiveradAv: handling.registreradAv,
      ersatterId: uppgifter.ersatterId,
    });
    this.arkivering.afterCommit(manager, arkiveringId);
    return id;
  }
}
