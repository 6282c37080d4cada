import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RemissammanstallningDokument } from '@app/pdf';
import { DataSource, EntityManager } from 'typeorm';

/** The archive copy a remiss' avslut ordered: what to print and where to register it, until it is archived. */
export interface NySammanstallningArkivering {
  remissId: string;
  arendeId: string;
  dokument: RemissammanstallningDokument;
  registreradAv: string | null;
}

/** A row: waiting, with its document; or archived, its document dropped (the arkivhandling holds it). */
export type SammanstallningArkiveringRad = Omit<NySammanstallningArkivering, 'dokument'> & { id: string } & (
    { arkivhandlingId: null; dokument: RemissammanstallningDokument } | { arkivhandlingId: string; dokument: null }
  );

/** Rows of `sammanstallning_arkivering`, the outbox of the sammanställning's archive copy. */
@Injectable()
export class SammanstallningArkiveringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, ny: NySammanstallningArkivering): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO sammanstallning_arkivering (remiss_id, arende_id, dokument, registrerad_av)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [ny.remissId, ny.arendeId, ny.dokument, ny.registreradAv],
    );
    return id;
  }

  list(ids: string[]): Promise<SammanstallningArkiveringRad[]> {
    return this.dataSource.query(
      `SELECT id, remiss_id AS "remissId", arende_id AS "arendeId", dokument, registrerad_av AS "registreradAv",
              arkivhandling_id AS "arkivhandlingId"
         FROM sammanstallning_arkivering WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    );
  }

  /** Locks the row until the transaction ends; returns the arkivhandling already registered for it, if any. */
  async lock(manager: EntityManager, id: string): Promise<string | null> {
    const [rad]: { arkivhandling_id: string | null }[] = await manager.query(
      `SELECT arkivhandling_id FROM sammanstallning_arkivering WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rad.arkivhandling_id;
  }

  async setArkivhandling(manager: EntityManager, id: string, arkivhandlingId: string): Promise<void> {
    await manager.query(
      `UPDATE sammanstallning_arkivering SET arkivhandling_id = $2, dokument = NULL, updated_at = now() WHERE id = $1`,
      [id, arkivhandlingId],
    );
  }
}
