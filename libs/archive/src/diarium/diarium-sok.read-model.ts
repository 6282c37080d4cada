import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { CappedSida } from '@app/core';
import { HandlingRiktning, LIST_COUNT_CAP } from '@app/database';
import { DataSource } from 'typeorm';
import { DiariumSokQuery, DiariumSortering } from './diarium.dto';
import { DiariumTraffResponse } from './diarium.response';

/** Each sort walks its index on (organisation_id, key, id): migration DiariumPerOrganisation1764500000400. */
const SORT_COLUMN: Record<DiariumSortering, string> = {
  diarienummer: 'a.ar %d, a.lopnummer %d',
  arendemening: 'a.arendemening %d',
  registrerad: 'a.created_at %d',
  status: 'a.status %d',
};

/** One row of the CSV extract: a handling with its ärende, sekretess already applied. */
export interface DiariumRad {
  diarienummer: string;
  arendemening: string;
  status: DiariumTraffResponse['status'];
  enhet: string;
  lopnummer: number;
  datum: string;
  riktning: HandlingRiktning;
  motpart: string | null;
  beskrivning: string | null;
  sekretess: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The diarium's search over the caller's organisation. The text filter is two trigram index
 * lookups (the ärende's dnr and ärendemening; a handling's motpart) united into the ids that match,
 * so neither walks the table; a sekretess handling's motpart is searched only for those who may read
 * it, or the search would tell who wrote in. Date and riktning filter on the handlingar.
 */
@Injectable()
export class DiariumSokReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(actor: Actor, query: DiariumSokQuery): Promise<CappedSida<DiariumTraffResponse>> {
    const { filter, params } = this.filter(actor, query);
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const order = `${SORT_COLUMN[query.sort].replaceAll('%d', direction)}, a.id ${direction}`;
    const limit = params.length + 1;
    const rows: (Omit<DiariumTraffResponse, 'antalHandlingar'> & { antalHandlingar: number })[] =
      await this.dataSource.query(
        `SELECT a.id, a.diarienummer, a.arendemening, a.status, a.enhet_id AS "enhetId", e.namn AS enhet,
                to_char(a.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS registrerad,
                h.senaste::text AS "senasteHandling", h.antal::int AS "antalHandlingar"
           FROM (SELECT a.id FROM arende a WHERE ${filter} ORDER BY ${order} LIMIT $${limit} OFFSET $${limit + 1}) p
           JOIN arende a ON a.id = p.id
           JOIN enhet e ON e.id = a.enhet_id
           CROSS JOIN LATERAL (SELECT max(datum) AS senaste, count(*) AS antal FROM handling WHERE arende_id = a.id) h
          ORDER BY ${order}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM arende a WHERE ${filter} LIMIT ${LIST_COUNT_CAP + 1}) m`,
      params,
    );
    return {
      items: rows,
      total: Math.min(n, LIST_COUNT_CAP),
      totalCapped: n > LIST_COUNT_CAP,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The handlingar of the ärenden the filter finds (those the date and riktning filters name), in
   * dnr order, for the CSV extract: motpart and beskrivning of a sekretess handling stay in the
   * database for whoever holds no role at the ärende's enhet.
   */
  async rader(actor: Actor, query: DiariumSokQuery): Promise<DiariumRad[]> {
    const { filter, params, handlingFilter } = this.filter(actor, query);
    const synlig = `(h.sekretess IS NULL OR a.enhet_id = ANY($${params.push(actor.enheter())}::uuid[]))`;
    return this.dataSource.query(
      `SELECT a.diarienummer, a.arendemening, a.status, e.namn AS enhet, h.lopnummer, h.datum::text AS datum,
              h.riktning, CASE WHEN ${synlig} THEN h.motpart END AS motpart,
              CASE WHEN ${synlig} THEN h.beskrivning END AS beskrivning, h.sekretess
         FROM arende a
         JOIN enhet e ON e.id = a.enhet_id
         JOIN handling h ON h.arende_id = a.id
        WHERE ${filter}${handlingFilter ? ` AND ${handlingFilter}` : ''}
        ORDER BY a.ar, a.lopnummer, a.id, h.lopnummer`,
      params,
    );
  }

  private filter(actor: Actor, query: DiariumSokQuery) {
    const params: unknown[] = [actor.organisationId];
    const where = ['a.organisation_id = $1'];
    if (query.diariumId) where.push(`a.diarium_id = $${params.push(query.diariumId)}`);
    if (query.enhetId) where.push(`a.enhet_id = $${params.push(query.enhetId)}`);
    if (query.status) where.push(`a.status = $${params.push(query.status)}`);
    if (query.q) {
      const like = `$${params.push(`%${escapeLike(query.q)}%`)}`;
      const enheter = `$${params.push(actor.enheter())}::uuid[]`;
      where.push(
        `a.id IN (SELECT id FROM arende WHERE organisation_id = $1 AND (diarienummer || ' ' || arendemening) ILIKE ${like}
                  UNION
                  SELECT h.arende_id FROM handling h JOIN arende ha ON ha.id = h.arende_id
                   WHERE h.organisation_id = $1 AND h.motpart ILIKE ${like}
                     AND (h.sekretess IS NULL OR ha.enhet_id = ANY(${enheter})))`,
      );
    }
    const villkor: string[] = [];
    if (query.fran) villkor.push(`h.datum >= $${params.push(query.fran)}::date`);
    if (query.till) villkor.push(`h.datum <= $${params.push(query.till)}::date`);
    if (query.riktning) villkor.push(`h.riktning = $${params.push(query.riktning)}`);
    const handlingFilter = villkor.join(' AND ');
    if (handlingFilter) where.push(`EXISTS (SELECT 1 FROM handling h WHERE h.arende_id = a.id AND ${handlingFilter})`);
    return { filter: where.join(' AND '), params, handlingFilter };
  }
}
