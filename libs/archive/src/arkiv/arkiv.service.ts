import { Injectable } from '@nestjs/common';
import { Fil, Handling } from '@app/database';
import { EntityManager } from 'typeorm';
import { DiariumRepository, NyHandling } from '../diarium/diarium.repository';
import { FilRepository, NyFil } from '../fil/fil.repository';

/** One ärende a document is registered in, and how. */
export interface Registrering extends Omit<NyHandling, 'filId'> {
  arendeId: string;
}

type Bytes = Omit<NyFil, 'organisationId'>;

/**
 * The document of a handling: new bytes, or a file already stored (the missiv a nämnd registers).
 * New bytes may come with the same document as an editable file (an answer's DOCX beside its PDF):
 * one handling, two formats.
 */
export type HandlingsFil = (Bytes & { redigerbar?: Bytes }) | { filId: string };

/** What one registration stored: the handling, its file and its editable rendition. */
export interface Registrerad<F> {
  handling: Handling;
  fil: F;
  redigerbar: Fil | null;
}

/**
 * The registrator's ledger: a document becomes a handling in one or more ärenden here, and nowhere
 * else, so what registering implies is decided once (the archive is next).
 */
@Injectable()
export class ArkivService {
  constructor(
    private readonly diarier: DiariumRepository,
    private readonly filer: FilRepository,
  ) {}

  /**
   * Registers `fil` (or no document) as a handling in each ärende, in the caller's transaction. The
   * file is stored once per organisation whose diarium it enters: files never cross tenants, so an
   * answer to another kommun is stored again for it, while one organisation's two ärenden share one
   * row. The editable rendition follows the same rule. Returns the handling and the files of each
   * registration, in order.
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
    for (const { arendeId, ...ny } of registreringar) {
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
      resultat.push({ handling, fil: egen, redigerbar: egenRedigerbar });
    }
    return resultat as Registrerad<D extends null ? null : Fil>[];
  }
}
