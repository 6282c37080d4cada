import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Datum, formatDeadline } from '@app/core';
import { FORSENAD_SQL } from '@app/database';
import { DataSource } from 'typeorm';
import { InkorgQuery, InkorgRad, InkorgSida, InkorgSortering } from './inkorg.dto';

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
 * remiss is sent, so no draft remiss can show up here. The page and the total are two queries: a
 * window count would join every instans of the nämnd just to count them.
 */
@Injectable()
export class InkorgRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(enhetId: string, idag: Datum, query: InkorgQuery): Promise<InkorgSida> {
    const params: unknown[] = [enhetId, idag];
    const where = [`i.mottagare_enhet_id = $1`];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    if (query.forsenad !== undefined) where.push(query.forsenad ? FORSENAD : `NOT ${FORSENAD}`);
    if (query.q) where.push(`(r.arendemening ILIKE $${params.push(`%${escapeLike(query.q)}%`)} OR r.diarienummer ILIKE $${params.length} OR i.mottagare_diarienummer ILIKE $${params.length})`);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT i.id AS instans_id, i.status, i.svarsdatum::text AS svarsdatum, i.mottagare_diarienummer, ${FORSENAD} AS forsenad,
                r.id AS remiss_id, r.diarienummer, r.arendemening, r.utskickad_at, r.status AS remiss_status, e.namn AS avsandare,
                s.id AS svar_id, s.status AS svar_status, s.typ AS svar_typ, s.version AS svar_version
           FROM remissinstans i
           JOIN remiss r ON r.id = i.remiss_id
           JOIN enhet e ON e.id = r.avsandare_enhet_id
           LEFT JOIN remissvar s ON s.remissinstans_id = i.id
          WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_COLUMN[query.sort]} ${direction}, i.id ${direction}
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<Record<string, any>[]>,
      this.count(where, params, !!query.q),
    ]);
    return { items: rows.map(toRad), total, page: query.page, pageSize: query.pageSize };
  }

  private async count(where: string[], params: unknown[], medRemiss: boolean): Promise<number> {
    // $2 (today) is typed here too: PostgreSQL refuses a parameter it cannot type when no filter uses it.
    const [{ n }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM remissinstans i ${medRemiss ? 'JOIN remiss r ON r.id = i.remiss_id' : ''} WHERE ${where.join(' AND ')} AND $2::date IS NOT NULL`,
      params,
    );
    return Number(n);
  }
}

function toRad(r: Record<string, any>): InkorgRad {
  return {
    instansId: r.instans_id,
    status: r.status,
    forsenad: r.forsenad,
    svarsdatum: r.svarsdatum,
    svarsdatumText: formatDeadline(r.svarsdatum),
    mottagareDiarienummer: r.mottagare_diarienummer,
    remissId: r.remiss_id,
    avsandarDiarienummer: r.diarienummer,
    arendemening: r.arendemening,
    avsandare: r.avsandare,
    utskickadAt: r.utskickad_at,
    remissStatus: r.remiss_status,
    remissvar: r.svar_id ? { id: r.svar_id, status: r.svar_status, typ: r.svar_typ, version: r.svar_version } : null,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
