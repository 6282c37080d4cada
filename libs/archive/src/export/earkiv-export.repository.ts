import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PaminnelseStatus } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { PaketArende, PaketAvsandare, PaketHandling } from './arkivpaket';

/** One ordered package: its selection, its progress, and (once built) its size and checksum. */
export interface EarkivExportRad {
  id: string;
  organisationId: string;
  diariumId: string;
  diariumNamn: string;
  /** The enheter whose ärenden the diarium numbers (one, or every enhet of the organisation). */
  enheter: string[];
  arendeId: string | null;
  diarienummer: string | null;
  fran: string | null;
  till: string | null;
  objid: string;
  status: PaminnelseStatus;
  antalHandlingar: number;
  klaraHandlingar: number;
  paketStorlek: number | null;
  paketSha256: string | null;
  senasteFel: string | null;
  bestalldAv: string | null;
  createdAt: Date;
  skickadAt: Date | null;
}

/** What a package holds: one ärende, or the ärenden of a diarium with handlingar dated in a period. */
export interface Urval {
  organisationId: string;
  diariumId: string;
  arendeId: string | null;
  fran: string | null;
  till: string | null;
}

const KOLUMNER = `e.id, e.organisation_id AS "organisationId", e.diarium_id AS "diariumId", d.namn AS "diariumNamn",
  ARRAY(SELECT en.id FROM enhet en WHERE en.diarium_id = d.id) AS enheter, e.arende_id AS "arendeId", a.diarienummer, e.fran::text AS fran, e.till::text AS till,
  e.objid, e.status::text AS status, e.antal_handlingar AS "antalHandlingar", e.klara_handlingar AS "klaraHandlingar",
  e.paket_storlek::float8 AS "paketStorlek", e.paket_sha256 AS "paketSha256", e.senaste_fel AS "senasteFel",
  e.bestalld_av AS "bestalldAv", e.created_at AS "createdAt", e.skickad_at AS "skickadAt"`;

const FRAN = `FROM earkiv_export e JOIN diarium d ON d.id = e.diarium_id LEFT JOIN arende a ON a.id = e.arende_id`;

/**
 * The archived handlingar of a selection: each handling's newest arkivhandling with a PDF/A
 * rendition that no later row replaces (a correction is a new row with `ersatter_id`). Sekretess is
 * the handling's own (its OSL paragraph, as the diarium marks it).
 */
const URVAL = `
  SELECT h.id AS "handlingId", h.lopnummer, h.riktning::text AS riktning, h.datum::text AS datum, h.motpart,
         h.beskrivning, h.sekretess, ah.pdfa_fil_id AS "pdfaFilId", f.sha256,
         f.storlek, ah.arkiverad_at AS "arkiveradAt",
         a.id AS "arendeId", a.diarienummer, a.arendemening, a.created_at AS "arendeSkapadAt"
    FROM handling h
    JOIN arende a ON a.id = h.arende_id
    JOIN LATERAL (
      SELECT x.* FROM arkivhandling x
       WHERE x.handling_id = h.id AND x.organisation_id = h.organisation_id AND x.pdfa_fil_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM arkivhandling y WHERE y.ersatter_id = x.id)
       ORDER BY x.arkiverad_at DESC LIMIT 1) ah ON true
    JOIN fil f ON f.id = ah.pdfa_fil_id AND f.organisation_id = h.organisation_id
   WHERE h.organisation_id = $1 AND a.diarium_id = $2
     AND ($3::uuid IS NULL OR a.id = $3)
     AND ($4::date IS NULL OR h.datum >= $4) AND ($5::date IS NULL OR h.datum <= $5)`;

const urvalParametrar = (u: Urval) => [u.organisationId, u.diariumId, u.arendeId, u.fran, u.till];

/** Package parts are at most this large: neither building nor serving holds more of a package at once. */
export const DELSTORLEK = 1024 * 1024;

@Injectable()
export class EarkivExportRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    rad: Urval & { objid: string; bestalldAv: string; antalHandlingar: number },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO earkiv_export (organisation_id, diarium_id, arende_id, fran, till, objid, bestalld_av, antal_handlingar)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        rad.organisationId,
        rad.diariumId,
        rad.arendeId,
        rad.fran,
        rad.till,
        rad.objid,
        rad.bestalldAv,
        rad.antalHandlingar,
      ],
    );
    return id;
  }

  /** An export of the organisation, or null (another organisation's export does not exist for the caller). */
  async get(manager: EntityManager, organisationId: string | null, id: string): Promise<EarkivExportRad | null> {
    const [rad]: EarkivExportRad[] = await manager.query(
      `SELECT ${KOLUMNER} ${FRAN} WHERE e.id = $1 AND ($2::uuid IS NULL OR e.organisation_id = $2)`,
      [id, organisationId],
    );
    return rad ?? null;
  }

  /** The exports of the diarier of the given enheter, newest first. */
  async list(
    organisationId: string,
    enheter: string[],
    sida: { page: number; pageSize: number },
  ): Promise<{ rader: EarkivExportRad[]; total: number }> {
    const rader: (EarkivExportRad & { total: number })[] = await this.dataSource.query(
      `SELECT ${KOLUMNER}, count(*) OVER ()::int AS total ${FRAN}
        WHERE e.organisation_id = $1
          AND EXISTS (SELECT 1 FROM enhet en WHERE en.diarium_id = d.id AND en.id = ANY($2::uuid[]))
        ORDER BY e.created_at DESC, e.id LIMIT $3 OFFSET $4`,
      [organisationId, enheter, sida.pageSize, (sida.page - 1) * sida.pageSize],
    );
    return { rader: rader.map(({ total: _, ...r }) => r), total: rader[0]?.total ?? 0 };
  }

  /** The ärende of a diarium with this diarienummer, if any. */
  async arendeId(manager: EntityManager, diariumId: string, diarienummer: string): Promise<string | null> {
    const [rad]: { id: string }[] = await manager.query(
      `SELECT id FROM arende WHERE diarium_id = $1 AND diarienummer = $2`,
      [diariumId, diarienummer],
    );
    return rad?.id ?? null;
  }

  async countUrval(manager: EntityManager, urval: Urval): Promise<number> {
    const [{ antal }]: { antal: number }[] = await manager.query(
      `SELECT count(*)::int AS antal FROM (${URVAL}) u`,
      urvalParametrar(urval),
    );
    return antal;
  }

  /**
   * The sekretess handlingar of a selection in ärenden of other enheter than `synliga`: the diarium
   * hides their motpart, description and file from whoever has no role there, so a package may not carry them to them.
   */
  async countDoldaSekretess(manager: EntityManager, urval: Urval, synliga: string[]): Promise<number> {
    const [{ antal }]: { antal: number }[] = await manager.query(
      `SELECT count(*)::int AS antal FROM (${URVAL}) u JOIN arende ar ON ar.id = u."arendeId"
        WHERE u.sekretess IS NOT NULL AND NOT ar.enhet_id = ANY($6::uuid[])`,
      [...urvalParametrar(urval), synliga],
    );
    return antal;
  }

  /** The ärenden and archived handlingar of a selection, by diarienummer and löpnummer. */
  async urval(urval: Urval): Promise<PaketArende[]> {
    const rader: (PaketHandling & {
      arendeId: string;
      diarienummer: string;
      arendemening: string;
      arendeSkapadAt: Date;
    })[] = await this.dataSource.query(`${URVAL} ORDER BY a.ar, a.lopnummer, h.lopnummer`, urvalParametrar(urval));
    const arenden = new Map<string, PaketArende>();
    for (const { arendeId, diarienummer, arendemening, arendeSkapadAt, ...h } of rader) {
      let a = arenden.get(arendeId);
      if (!a)
        arenden.set(arendeId, (a = { arendeId, diarienummer, arendemening, skapadAt: arendeSkapadAt, handlingar: [] }));
      a.handlingar.push({ ...h, storlek: Number(h.storlek) });
    }
    return [...arenden.values()];
  }

  /** Who the package is from: the organisation and the enhet whose diarium it is. */
  async avsandare(diariumId: string): Promise<PaketAvsandare> {
    const [rad]: PaketAvsandare[] = await this.dataSource.query(
      `SELECT o.namn AS organisation,
              (SELECT string_agg(en.namn, ', ' ORDER BY en.namn) FROM enhet en WHERE en.diarium_id = d.id) AS enhet
         FROM diarium d JOIN organisation o ON o.id = d.organisation_id WHERE d.id = $1`,
      [diariumId],
    );
    return rad;
  }

  /** A stored file's bytes (the export's own organisation's, checked by the selection's query). */
  async filData(id: string): Promise<Buffer> {
    const [{ data }]: { data: Buffer }[] = await this.dataSource.query(`SELECT data FROM fil WHERE id = $1`, [id]);
    return data;
  }

  /**
   * Progress while building, and the lease renewed with it: a large export outlasts OUTBOX_LEASE_MS,
   * and only a worker that stops reporting (killed) loses its row to another. False when the row is
   * no longer this build's (taken over after an expired lease, or settled).
   */
  async reportProgress(id: string, antal: number, klara: number, leaseUntil: Date): Promise<boolean> {
    const [, andrade]: [unknown, number] = await this.dataSource.query(
      `UPDATE earkiv_export SET antal_handlingar = $2, klara_handlingar = $3, lease_until = $4, updated_at = now()
        WHERE id = $1 AND status = 'skickar'`,
      [id, antal, klara, leaseUntil],
    );
    return andrade === 1;
  }

  /** Before a build writes its first part: what an earlier, interrupted build left is dropped. */
  async deleteParts(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM earkiv_export_del WHERE export_id = $1`, [id]);
  }

  async insertPart(id: string, ordning: number, data: Buffer): Promise<void> {
    await this.dataSource.query(`INSERT INTO earkiv_export_del (export_id, ordning, data) VALUES ($1, $2, $3)`, [
      id,
      ordning,
      data,
    ]);
  }

  async markBuilt(id: string, storlek: number, sha256: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE earkiv_export SET paket_storlek = $2, paket_sha256 = $3, updated_at = now() WHERE id = $1`,
      [id, storlek, sha256],
    );
  }

  /** The package's parts, one at a time, in order. */
  async *parts(id: string): AsyncGenerator<Buffer> {
    for (let ordning = 0; ; ordning++) {
      const [del]: { data: Buffer }[] = await this.dataSource.query(
        `SELECT data FROM earkiv_export_del WHERE export_id = $1 AND ordning = $2`,
        [id, ordning],
      );
      if (!del) return;
      yield del.data;
    }
  }
}
