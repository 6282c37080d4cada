import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Datum, formatDeadline } from '@app/core';
import { DataSource } from 'typeorm';
import { InkorgQuery, InkorgRad, InkorgSida, InkorgSortering } from './inkorg.dto';

const SORT_COLUMN: Record<InkorgSortering, string> = {
  svarsdatum: 'i.svarsdatum',
  utskickad: 'r.utskickad_at',
  arendemening: 'r.arendemening',
  status: 'i.status',
  diarienummer: 'r.diarienummer',
};

const FORSENAD = `(i.svarsdatum < $2::date AND i.status NOT IN ('besvarad', 'avstar'))`;

/** The remisser sent to one enhet, one row per remissinstans (index remissinstans_mottagare_idx). */
@Injectable()
export class InkorgRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(enhetId: string, idag: Datum, query: InkorgQuery): Promise<InkorgSida> {
    const params: unknown[] = [enhetId, idag];
    const where = [`i.mottagare_enhet_id = $1`, `r.status <> 'utkast'`];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    if (query.forsenad !== undefined) where.push(query.forsenad ? FORSENAD : `NOT ${FORSENAD}`);
    if (query.q) where.push(`(r.arendemening ILIKE $${params.push(`%${escapeLike(query.q)}%`)} OR r.diarienummer ILIKE $${params.length} OR i.mottagare_diarienummer ILIKE $${params.length})`);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT i.id AS instans_id, i.status, i.svarsdatum::text AS svarsdatum, i.mottagare_diarienummer, ${FORSENAD} AS forsenad,
              r.id AS remiss_id, r.diarienummer, r.arendemening, r.utskickad_at, r.status AS remiss_status, e.namn AS avsandare,
              s.id AS svar_id, s.status AS svar_status, s.typ AS svar_typ, s.version AS svar_version,
              COUNT(*) OVER () AS total
         FROM remissinstans i
         JOIN remiss r ON r.id = i.remiss_id
         JOIN enhet e ON e.id = r.avsandare_enhet_id
         LEFT JOIN remissvar s ON s.remissinstans_id = i.id
        WHERE ${where.join(' AND ')}
        ORDER BY ${SORT_COLUMN[query.sort]} ${direction}, i.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(where, params.slice(0, -2));
    return { items: rows.map(toRad), total, page: query.page, pageSize: query.pageSize };
  }

  /** Only for a page past the end, where the window count has no row to ride on. */
  private async count(where: string[], params: unknown[]): Promise<number> {
    // $2 (today) is typed here too: PostgreSQL refuses a parameter it cannot type when no filter uses it.
    const [{ n }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id WHERE ${where.join(' AND ')} AND $2::date IS NOT NULL`,
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
