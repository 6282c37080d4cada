import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CappedSida, Datum, formatDeadlineSql, JsonText } from '@app/core';
import {
  FORSENAD_SQL,
  isoTimestampSql,
  LIST_COUNT_CAP,
  pageLimit,
  preparedRead,
  preparedSida,
  REMISS_STATUSAR,
  REMISSINSTANS_STATUSAR,
  REMISSVAR_STATUSAR,
  RemissinstansStatus,
} from '@app/database';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { InkorgQuery, InkorgSortering } from './inkorg.dto';

/** One row of the inkorg as the read model writes it (JSON: dates as text); the int-spec parses real pages with it. */
export const INKORG_RAD = z.strictObject({
  instansId: z.uuid(),
  status: z.enum(REMISSINSTANS_STATUSAR),
  forsenad: z.boolean(),
  svarsdatum: z.iso.date(),
  svarsdatumText: z.string(),
  mottagareDiarienummer: z.string().nullable(),
  remissId: z.uuid(),
  avsandarDiarienummer: z.string(),
  arendemening: z.string(),
  avsandare: z.string(),
  utskickadAt: z.iso.datetime().nullable(),
  remissStatus: z.enum(REMISS_STATUSAR),
  remissvar: z
    .strictObject({
      id: z.uuid(),
      status: z.enum(REMISSVAR_STATUSAR),
      typ: z.enum(['yttrande', 'avstar']),
      version: z.number().int(),
    })
    .nullable(),
});
export type InkorgRadData = z.infer<typeof INKORG_RAD>;

export const INKORG_SIDA = z.strictObject({
  items: z.array(INKORG_RAD),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Each sort has its index on (mottagare_enhet_id, key, id): see migration ListaIndex1764300000010. */
const SORT_COLUMN: Record<InkorgSortering, string> = {
  svarsdatum: 'i.svarsdatum',
  utskickad: 'i.remiss_utskickad_at',
  arendemening: 'i.remiss_arendemening',
  status: 'i.status',
  diarienummer: 'i.remiss_diarienummer',
};

const FORSENAD = FORSENAD_SQL('i', '$2::date');

/**
 * The remisser sent to one enhet, one row per remissinstans. Instanser exist only from the moment a
 * remiss is sent, so no draft remiss can show up here. Filters and sort keys are all columns of
 * remissinstans (the remiss' dnr, ärendemening and send time are copied onto it), so the page is
 * cut from one index walk before anything is joined, and the total is counted up to a cap.
 * The API sends `text` as it is; a page rendered in Node takes `list`.
 */
@Injectable()
export class InkorgReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(enhetId: string, idag: Datum, query: InkorgQuery): Promise<CappedSida<InkorgRadData>> {
    return JSON.parse(await this.text(enhetId, idag, query)) as CappedSida<InkorgRadData>;
  }

  text(enhetId: string, idag: Datum, query: InkorgQuery): Promise<JsonText<CappedSida<InkorgRadData>>> {
    const params: unknown[] = [enhetId, idag];
    const where = [`i.mottagare_enhet_id = $1`];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    if (query.forsenad !== undefined) where.push(query.forsenad ? FORSENAD : `NOT ${FORSENAD}`);
    if (query.q) {
      const like = `$${params.push(`%${escapeLike(query.q)}%`)}`;
      // The first condition is what the trigram index answers; the second is the exact match.
      where.push(
        `i.inkorg_sok ILIKE ${like} AND (i.remiss_arendemening ILIKE ${like} OR i.remiss_diarienummer ILIKE ${like} OR i.mottagare_diarienummer ILIKE ${like})`,
      );
    }
    const filter = where.join(' AND ');
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const limit = `$${params.push(query.pageSize)}::int`;
    const offset = `$${params.push((query.page - 1) * query.pageSize)}::int`;
    const page = `$${params.push(query.page)}::int`;
    // A text search finds its rows through the trigram index and checks each against its text in
    // the table; the page and the count then read those rows once (they did it twice), while any
    // other filter is answered by walking the sort's index, for the page and for the count alike.
    const traffar = query.q
      ? `traffar AS MATERIALIZED (SELECT i.id, ${SORT_COLUMN[query.sort]} AS nyckel FROM remissinstans i WHERE ${filter})`
      : undefined;
    const rader = traffar
      ? `SELECT t.id FROM traffar t ORDER BY t.nyckel ${direction}, t.id ${direction}`
      : `SELECT i.id FROM remissinstans i WHERE ${filter} ORDER BY ${SORT_COLUMN[query.sort]} ${direction}, i.id ${direction}`;
    return preparedSida<InkorgRadData>(
      this.dataSource,
      'generic',
      {
        with: traffar,
        items: `SELECT json_agg(rad ORDER BY p.ordning)
                    FROM (SELECT i.id, row_number() OVER () AS ordning
                            FROM (${rader} LIMIT ${pageLimit(query.pageSize)} OFFSET ${offset}) i) p
                    JOIN remissinstans i ON i.id = p.id
                    JOIN remiss r ON r.id = i.remiss_id
                    JOIN enhet e ON e.id = r.avsandare_enhet_id
                    LEFT JOIN remissvar s ON s.remissinstans_id = i.id
                    -- One row per instans, under the API's names; a record becomes compact JSON.
                    CROSS JOIN LATERAL (
                      SELECT i.id AS "instansId", i.status, ${FORSENAD} AS forsenad, i.svarsdatum::text AS svarsdatum,
                             ${formatDeadlineSql('i.svarsdatum')} AS "svarsdatumText", i.mottagare_diarienummer AS "mottagareDiarienummer",
                             r.id AS "remissId", r.diarienummer AS "avsandarDiarienummer", r.arendemening, e.namn AS avsandare,
                             ${isoTimestampSql('r.utskickad_at')} AS "utskickadAt", r.status AS "remissStatus",
                             (SELECT to_json(v) FROM (SELECT s.id, s.status, s.typ, s.version) v WHERE s.id IS NOT NULL) AS remissvar) rad
                   WHERE p.ordning <= ${limit}`,
        matches: traffar ? `SELECT 1 FROM traffar` : `SELECT 1 FROM remissinstans i WHERE ${filter}`,
        page,
        pageSize: limit,
      },
      params,
    );
  }

  /**
   * The enhet's instanser per status, and the försenade, each counted up to the list cap (the
   * inkorg page shows them beside its filters): each count walks its own index range (the status
   * sort index; the svarsdatum index for försenad), never the whole inkorg.
   */
  antal(enhetId: string, idag: Datum): Promise<readonly { status: RemissinstansStatus | 'forsenad'; n: number }[]> {
    const upTo = (filter: string) =>
      `(SELECT count(*)::int FROM (SELECT 1 FROM remissinstans i WHERE i.mottagare_enhet_id = $1 AND ${filter} LIMIT ${LIST_COUNT_CAP + 1}) m)`;
    return preparedRead(
      this.dataSource,
      `SELECT s.status::text AS status, ${upTo('i.status = s.status')} AS n
         FROM unnest(enum_range(NULL::remissinstans_status)) s(status)
       UNION ALL
       SELECT 'forsenad', ${upTo(FORSENAD)}`,
      [enhetId, idag],
    );
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
