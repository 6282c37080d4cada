import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StallningstagandeBeslut } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

/** One recorded ställningstagande with the name of who recorded it. */
export interface StallningstagandeRad {
  synpunktId: string;
  version: number;
  beslut: StallningstagandeBeslut;
  motivering: string;
  av: string | null;
  createdAt: Date;
}

const KOLUMNER = `st.synpunkt_id AS "synpunktId", st.version, st.beslut, st.motivering, a.namn AS av, st.created_at AS "createdAt"`;

/**
 * The sender's ställningstaganden, read by the sending organisation only. Rows are never changed:
 * recording one inserts the next version.
 */
@Injectable()
export class StallningstagandeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks the synpunkt's row (FOR NO KEY UPDATE, which the foreign key of the insert does not wait
   * for) so that two recordings of one synpunkt take their versions one after the other.
   */
  async lockSynpunkt(manager: EntityManager, synpunktId: string): Promise<void> {
    await manager.query(`SELECT id FROM synpunkt WHERE id = $1 FOR NO KEY UPDATE`, [synpunktId]);
  }

  async insert(
    manager: EntityManager,
    rad: {
      organisationId: string;
      remissId: string;
      synpunktId: string;
      beslut: StallningstagandeBeslut;
      motivering: string;
      anvandareId: string;
    },
  ): Promise<StallningstagandeRad> {
    const [ny] = (await manager.query(
      `WITH ny AS (
         INSERT INTO stallningstagande (organisation_id, remiss_id, synpunkt_id, version, beslut, motivering, anvandare_id)
         SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6 FROM stallningstagande WHERE synpunkt_id = $3
         RETURNING *)
       SELECT ${KOLUMNER} FROM ny st LEFT JOIN anvandare a ON a.id = st.anvandare_id`,
      [rad.organisationId, rad.remissId, rad.synpunktId, rad.beslut, rad.motivering, rad.anvandareId],
    )) as StallningstagandeRad[];
    return ny;
  }

  /** The current (latest) ställningstagande of every synpunkt of the remiss that has one. */
  current(manager: EntityManager, organisationId: string, remissId: string): Promise<StallningstagandeRad[]> {
    return manager.query(
      `SELECT DISTINCT ON (st.synpunkt_id) ${KOLUMNER}
         FROM stallningstagande st LEFT JOIN anvandare a ON a.id = st.anvandare_id
        WHERE st.remiss_id = $1 AND st.organisation_id = $2
        ORDER BY st.synpunkt_id, st.version DESC`,
      [remissId, organisationId],
    );
  }

  /** Every version of one synpunkt's ställningstagande, newest first. */
  history(organisationId: string, remissId: string, synpunktId: string): Promise<StallningstagandeRad[]> {
    return this.dataSource.query(
      `SELECT ${KOLUMNER}
         FROM stallningstagande st LEFT JOIN anvandare a ON a.id = st.anvandare_id
        WHERE st.remiss_id = $1 AND st.organisation_id = $2 AND st.synpunkt_id = $3
        ORDER BY st.version DESC`,
      [remissId, organisationId, synpunktId],
    );
  }
}
