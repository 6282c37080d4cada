import { Injectable } from '@nestjs/common';
import { Fil, Handling } from '@app/database';
import { EntityManager } from 'typeorm';
import { DiariumRepository, NyHandling } from '../diarium/diarium.repository';
import { FilRepository, NyFil } from '../fil/fil.repository';

/** One ärende a document is registered in, and how. */
export interface Registrering extends Omit<NyHandling, 'filId'> {
  arendeId: string;
}

/** The document of a handling: new bytes, or a file already stored (the missiv a nämnd registers). */
export type HandlingsFil = Omit<NyFil, 'organisationId'> | { filId: string };

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
   * row. Returns the handling and the file of each registration, in order.
   */
  async registerHandling<D extends HandlingsFil | null>(
    manager: EntityManager,
    fil: D,
    registreringar: Registrering[],
  ): Promise<{ handling: Handling; fil: D extends null ? null : Fil }[]> {
    const perOrganisation = new Map<string, Fil>();
    const sparad = fil && 'filId' in fil ? await this.filer.get(manager, fil.filId) : null;
    if (sparad) perOrganisation.set(sparad.organisationId, sparad);
    // A stored file's bytes are read only when another organisation needs its own copy.
    const bytes = async (): Promise<Omit<NyFil, 'organisationId'>> =>
      sparad
        ? {
            filnamn: sparad.filnamn,
            mimetyp: sparad.mimetyp,
            sha256: sparad.sha256,
            data: (await this.filer.data(manager, sparad.id)).data,
          }
        : (fil as Omit<NyFil, 'organisationId'>);
    const resultat: { handling: Handling; fil: Fil | null }[] = [];
    for (const { arendeId, ...ny } of registreringar) {
      const arende = await this.diarier.lockArende(manager, arendeId);
      let egen = fil ? (perOrganisation.get(arende.organisationId) ?? null) : null;
      if (fil && !egen) {
        egen = await this.filer.insert(manager, { ...(await bytes()), organisationId: arende.organisationId });
        perOrganisation.set(arende.organisationId, egen);
      }
      const handling = await this.diarier.insertHandling(manager, arende, { ...ny, filId: egen?.id ?? null });
      resultat.push({ handling, fil: egen });
    }
    return resultat as { handling: Handling; fil: D extends null ? null : Fil }[];
  }
}
