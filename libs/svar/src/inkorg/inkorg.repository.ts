import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Datum, formatDeadlineSql, JsonText, Sida } from '@app/core';
import { FORSENAD_SQL, isoTimestampSql, preparedSida } from '@app/database';
import { DataSource } from 'typeorm';
import { InkorgQuery, InkorgRad, InkorgSortering } from './inkorg.dto';

const SORT_COLUMN: Record<InkorgSortering, string> = {
  svarsdatum: 'i.svarsdatum',
  utskickad: 'r.utskickad_at',
  arendemening: 'r.arendemening',
  status: 'i.status',
  diarienummer: 'r.diarienummer',
};

const FORSENAD = FORSENAD_SQL('i', '$2::date');

/**
 * The remisser sent to one enhet, one row per remissinstans. Instanser exist only from the moment a
 * remiss is sent, so no draft remiss can show up here. The page is one statement that PostgreSQL
 * answers as the JSON of an InkorgSida (see JsonText): the page and its total are separate
 * subqueries, since a window count would join every instans of the nämnd just to count them.
 */
@Injectable()
export class InkorgRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(enhetId: string, idag: Datum, query: InkorgQuery): Promise<JsonText<Sida<InkorgRad>>> {
    const params: unknown[] = [enhetId, idag];
    const where = [`i.mottagare_enhet_id = $1`];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    if (query.forsenad !== undefined) where.push(query.forsenad ? FORSENAD : `NOT ${FORSENAD}`);
    if (query.q)
      where.push(
        `(r.arendemening ILIKE $${params.push(`%${escapeLike(query.q)}%`)} OR r.diarienummer ILIKE $${params.length} OR i.mottagare_diarienummer ILIKE $${params.length})`,
      );
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const limit = `$${params.push(query.pageSize)}::int`;
    const offset = `$${params.push((query.page - 1) * query.pageSize)}::int`;
    const page = `$${params.push(query.page)}::int`;
    return preparedSida<InkorgRad>(
      this.dataSource,
      {
        items: `SELECT json_agg(rad ORDER BY p.sortering ${direction}, p."instansId" ${direction})
                    FROM (SELECT i.id AS "instansId", i.status, i.svarsdatum, i.mottagare_diarienummer, ${FORSENAD} AS forsenad,
                                 r.id AS remiss_id, r.diarienummer, r.arendemening, r.utskickad_at, r.status AS remiss_status, e.namn AS avsandare,
                                 s.id AS svar_id, s.status AS svar_status, s.typ AS svar_typ, s.version AS svar_version, ${SORT_COLUMN[query.sort]} AS sortering
                            FROM remissinstans i
                            JOIN remiss r ON r.id = i.remiss_id
                            JOIN enhet e ON e.id = r.avsandare_enhet_id
                            LEFT JOIN remissvar s ON s.remissinstans_id = i.id
                           WHERE ${where.join(' AND ')}
                           ORDER BY ${SORT_COLUMN[query.sort]} ${direction}, i.id ${direction}
                           LIMIT ${limit} OFFSET ${offset}) p
                    -- One InkorgRad per row, under the API's names; a record becomes compact JSON.
                    CROSS JOIN LATERAL (
                      SELECT p."instansId", p.status, p.forsenad, p.svarsdatum::text AS svarsdatum, ${formatDeadlineSql('p.svarsdatum')} AS "svarsdatumText",
                             p.mottagare_diarienummer AS "mottagareDiarienummer", p.remiss_id AS "remissId", p.diarienummer AS "avsandarDiarienummer",
                             p.arendemening, p.avsandare, ${isoTimestampSql('p.utskickad_at')} AS "utskickadAt", p.remiss_status AS "remissStatus",
                             (SELECT to_json(v) FROM (SELECT p.svar_id AS id, p.svar_status AS status, p.svar_typ AS typ, p.svar_version AS version) v
                               WHERE p.svar_id IS NOT NULL) AS remissvar) rad`,
        total: `SELECT COUNT(*) FROM remissinstans i ${query.q ? 'JOIN remiss r ON r.id = i.remiss_id' : ''} WHERE ${where.join(' AND ')}`,
        page,
        pageSize: limit,
      },
      params,
    );
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
