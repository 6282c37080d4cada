import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CappedSida, Datum, JsonText } from '@app/core';
import { FORSENAD_SQL, isoTimestampSql, pageLimit, preparedSida, REMISS_STATUSAR, RemissStatus } from '@app/database';
import { DataSource } from 'typeorm';
import { z } from 'zod';

export interface RemissFilter {
  organisationId: string;
  status?: RemissStatus;
  forsenad?: boolean;
  svarsdatumFran?: Datum;
  svarsdatumTill?: Datum;
  text?: string;
  idag: Datum;
  sort: 'svarsdatum' | 'skapad' | 'diarienummer' | 'arendemening' | 'status';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** One row of the sender's remisser list as the read model writes it (JSON: dates as text); the int-spec parses real pages with it. */
export const REMISS_RAD = z.strictObject({
  id: z.uuid(),
  diarienummer: z.string(),
  arendemening: z.string(),
  status: z.enum(REMISS_STATUSAR),
  svarsdatum: z.iso.date(),
  utskickadAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  antalInstanser: z.number().int(),
  antalBesvarade: z.number().int(),
  antalAvstatt: z.number().int(),
  antalForsenade: z.number().int(),
});
export type RemissRad = z.infer<typeof REMISS_RAD>;

export const REMISS_SIDA = z.strictObject({
  items: z.array(REMISS_RAD),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Each sort has its index on (organisation_id, key, id): see migration ListaIndex1764300000010. */
const SORT_COLUMN: Record<RemissFilter['sort'], string> = {
  svarsdatum: 'r.svarsdatum',
  skapad: 'r.created_at',
  diarienummer: 'r.diarienummer',
  arendemening: 'r.arendemening',
  status: 'r.status',
};

/**
 * The remisser an organisation sent (drafts included), a page at a time, each with how many of its
 * instanser answered and are late. The page is cut from one walk of the sort's index; the counts are
 * made for its rows only, and the total is counted up to a cap. The API sends `text` as it is; a
 * page rendered in Node takes `list`.
 */
@Injectable()
export class RemissListaReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(f: RemissFilter): Promise<CappedSida<RemissRad>> {
    return JSON.parse(await this.text(f)) as CappedSida<RemissRad>;
  }

  text(f: RemissFilter): Promise<JsonText<CappedSida<RemissRad>>> {
    const where: string[] = ['r.organisation_id = $1'];
    const params: unknown[] = [f.organisationId];
    const param = (v: unknown) => `$${params.push(v)}`;
    let idagParam: string | undefined;
    const idag = () => (idagParam ??= `${param(f.idag)}::date`);
    if (f.status) where.push(`r.status = ${param(f.status)}`);
    if (f.svarsdatumFran) where.push(`r.svarsdatum >= ${param(f.svarsdatumFran)}`);
    if (f.svarsdatumTill) where.push(`r.svarsdatum <= ${param(f.svarsdatumTill)}`);
    if (f.text) {
      const like = param(`%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      // The first condition is what the trigram index answers; the second is the exact match.
      where.push(
        `(r.arendemening || ' ' || r.diarienummer) ILIKE ${like} AND (r.arendemening ILIKE ${like} OR r.diarienummer ILIKE ${like})`,
      );
    }
    if (f.forsenad !== undefined) {
      // remiss_forsening holds the earliest svarsdatum of the unanswered instanser (kept by a trigger).
      const forsenad = `(r.status = 'utskickad' AND EXISTS (SELECT 1 FROM remiss_forsening f WHERE f.remiss_id = r.id AND f.forsta_oppna_svarsdatum < ${idag()}))`;
      where.push(f.forsenad ? forsenad : `NOT ${forsenad}`);
    }
    const filter = where.join(' AND ');
    const idagI = idag();
    const limit = `${param(f.pageSize)}::int`;
    const offset = `${param((f.page - 1) * f.pageSize)}::int`;
    const page = `${param(f.page)}::int`;
    const direction = f.order === 'asc' ? 'ASC' : 'DESC';
    // A text search finds its rows through the trigram index and checks each against its text in
    // the table; the page and the count then read those rows once (they did it twice), while any
    // other filter is answered by walking the sort's index, for the page and for the count alike.
    const traffar = f.text
      ? `traffar AS MATERIALIZED (SELECT r.id, ${SORT_COLUMN[f.sort]} AS nyckel FROM remiss r WHERE ${filter})`
      : undefined;
    const rader = traffar
      ? `SELECT t.id FROM traffar t ORDER BY t.nyckel ${direction}, t.id ${direction}`
      : `SELECT r.id FROM remiss r WHERE ${filter} ORDER BY ${SORT_COLUMN[f.sort]} ${direction}, r.id ${direction}`;
    return preparedSida<RemissRad>(
      this.dataSource,
      'generic',
      {
        with: traffar,
        // The page is cut from the sort index alone (only ids: skipping OFFSET rows reads no table
        // rows); then each row is read by primary key. `LIMIT 1` keeps that a lookup per row: as a
        // plain join, a plan may hash the whole table for the page's few rows.
        items: `SELECT json_agg(rad ORDER BY p.ordning)
                    FROM (SELECT r.id, row_number() OVER () AS ordning
                            FROM (${rader} LIMIT ${pageLimit(f.pageSize)} OFFSET ${offset}) r) p
                    CROSS JOIN LATERAL (SELECT r.* FROM remiss r WHERE r.id = p.id LIMIT 1) r
                    -- One RemissRad per row, under the API's names; a record becomes compact JSON.
                    CROSS JOIN LATERAL (
                      SELECT r.id, r.diarienummer, r.arendemening, r.status, r.svarsdatum::text AS svarsdatum,
                             ${isoTimestampSql('r.utskickad_at')} AS "utskickadAt", ${isoTimestampSql('r.created_at')} AS "createdAt",
                             count(*)::int AS "antalInstanser",
                             -- An instans that declined has not answered: counted apart.
                             count(*) FILTER (WHERE i.status = 'besvarad')::int AS "antalBesvarade",
                             count(*) FILTER (WHERE i.status = 'avstar')::int AS "antalAvstatt",
                             count(*) FILTER (WHERE ${FORSENAD_SQL('i', idagI)})::int AS "antalForsenade"
                        FROM remissinstans i WHERE i.remiss_id = p.id) rad
                   WHERE p.ordning <= ${limit}`,
        matches: traffar ? `SELECT 1 FROM traffar` : `SELECT 1 FROM remiss r WHERE ${filter}`,
        page,
        pageSize: limit,
      },
      params,
    );
  }
}
