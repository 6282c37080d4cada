import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@app/auth';
import { notFound } from '@app/core';
import { Arkivhandling, Fil, HandlingRiktning } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

/** What kind of final document an arkivhandling is. */
export type Dokumenttyp =
  | 'remissvar'
  | 'avstaende'
  | 'missiv'
  | 'remissammanstallning'
  | 'externt_remissvar'
  /** A document registered by hand in the diarium (a letter, an e-mail's PDF). */
  | 'inkommen_handling';

/**
 * The metadata an arkivhandling carries (column `metadata`), what the e-arkiv export maps to CITS
 * ERMS: the ärende, direction, counterpart, date, who registered it, and the decision behind it.
 */
export interface Arkivmetadata {
  dokumenttyp: Dokumenttyp;
  arendeId: string;
  arendemening: string;
  riktning: HandlingRiktning;
  motpart: string | null;
  datum: string;
  /** Who made the document (the enhet or external party): the PDF/A's Author. */
  upphov: string;
  registreradAv: { id: string; namn: string } | null;
  /** The decision behind an answer, as a sentence ("Utbildningsnämnden 2025-03-20 § 14"). */
  beslut: string | null;
  filnamn: string;
}

export interface NyArkivhandling {
  arendeId: string;
  handlingId: string;
  fil: Fil;
  titel: string;
  metadata: Omit<Arkivmetadata, 'arendeId' | 'arendemening' | 'registreradAv'>;
  arkiveradAv: string | null;
  ersatterId?: string | null;
}

/** One file's stored SHA-256 against the SHA-256 of its bytes as they are now. */
export interface Kontrollsumma {
  id: string;
  organisationId: string;
  diarienummer: string;
  sha256: string;
  faktisk: string;
  pdfaSha256: string | null;
  pdfaFaktisk: string | null;
}

export interface Verifiering {
  originalOk: boolean;
  pdfaOk: boolean | null;
  kontrolleradAv: string | null;
  kontrolleradAvNamn: string | null;
  kontrolleradAt: Date;
}

/** The re-hash, in PostgreSQL next to the bytes: no file travels to be checked. */
const KONTROLLSUMMOR = `SELECT a.id, a.organisation_id AS "organisationId", a.diarienummer, a.sha256,
         encode(sha256(f.data), 'hex') AS faktisk, a.pdfa_sha256 AS "pdfaSha256",
         CASE WHEN p.id IS NULL THEN NULL ELSE encode(sha256(p.data), 'hex') END AS "pdfaFaktisk"
    FROM arkivhandling a JOIN fil f ON f.id = a.fil_id LEFT JOIN fil p ON p.id = a.pdfa_fil_id`;

/** The archive's rows: written once (the PDF/A columns filled once), never changed or deleted. */
@Injectable()
export class ArkivhandlingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The arkivhandling and its outbox row for the PDF/A rendition, in the caller's transaction, in one
   * statement: the ärende's dnr and mening and the registrator's name are read where they are written.
   */
  async insert(manager: EntityManager, ny: NyArkivhandling): Promise<{ id: string; arkiveringId: string }> {
    const [rad]: { id: string; arkivering_id: string }[] = await manager.query(
      `WITH a AS (
         INSERT INTO arkivhandling (organisation_id, handling_id, fil_id, titel, diarienummer, sha256, metadata, ersatter_id, arkiverad_av)
         SELECT ar.organisation_id, $2, $3, $4, ar.diarienummer, $5,
                $6::jsonb || jsonb_build_object('arendeId', ar.id, 'arendemening', ar.arendemening,
                  'registreradAv', CASE WHEN u.id IS NULL THEN NULL ELSE jsonb_build_object('id', u.id, 'namn', u.namn) END),
                $7, u.id
           FROM arende ar LEFT JOIN anvandare u ON u.id = $8
          WHERE ar.id = $1
         RETURNING id)
       INSERT INTO arkivering (arkivhandling_id) SELECT id FROM a RETURNING arkivhandling_id AS id, id AS arkivering_id`,
      [
        ny.arendeId,
        ny.handlingId,
        ny.fil.id,
        ny.titel,
        ny.fil.sha256,
        ny.metadata,
        ny.ersatterId ?? null,
        ny.arkiveradAv,
      ],
    );
    return { id: rad.id, arkiveringId: rad.arkivering_id };
  }

  /** The one change an arkivhandling allows: its PDF/A rendition, once. False when it had one already. */
  async setPdfa(manager: EntityManager, id: string, pdfa: Fil, nu: Date): Promise<boolean> {
    const [, antal]: [unknown, number] = await manager.query(
      `UPDATE arkivhandling SET pdfa_fil_id = $2, pdfa_sha256 = $3, pdfa_at = $4 WHERE id = $1 AND pdfa_fil_id IS NULL`,
      [id, pdfa.id, pdfa.sha256, nu],
    );
    return antal === 1;
  }

  /** The arkivhandlingar of the outbox rows `arkiveringIds` that still lack a PDF/A, with their original's bytes. */
  async utanPdfa(
    arkiveringIds: string[],
  ): Promise<{ arkiveringId: string; arkivhandling: Arkivhandling; data: Buffer }[]> {
    const rader: (Arkivhandling & { arkiveringId: string; data: Buffer })[] = await this.dataSource.query(
      `SELECT r.id AS "arkiveringId", a.id, a.organisation_id AS "organisationId", a.titel, a.diarienummer,
              a.metadata, a.fil_id AS "filId", f.data
         FROM arkivering r JOIN arkivhandling a ON a.id = r.arkivhandling_id JOIN fil f ON f.id = a.fil_id
        WHERE r.id = ANY($1::uuid[]) AND a.pdfa_fil_id IS NULL`,
      [arkiveringIds],
    );
    return rader.map(({ arkiveringId, data, ...arkivhandling }) => ({
      arkiveringId,
      data,
      arkivhandling: arkivhandling as Arkivhandling,
    }));
  }

  /** One arkivhandling of the caller's organisation (another organisation's is a 404). */
  async get(actor: Actor, id: string): Promise<Arkivhandling> {
    const rad = await this.dataSource
      .getRepository(Arkivhandling)
      .findOneBy({ id, organisationId: actor.organisationId });
    if (!rad) throw notFound('Arkivhandling');
    return rad;
  }

  /** The sekretess of the handling an arkivhandling archives, and the enhet of its ärende. */
  async sekretess(id: string): Promise<{ sekretess: string | null; enhetId: string } | null> {
    const [rad]: { sekretess: string | null; enhetId: string }[] = await this.dataSource.query(
      `SELECT h.sekretess, ar.enhet_id AS "enhetId"
         FROM arkivhandling a JOIN handling h ON h.id = a.handling_id JOIN arende ar ON ar.id = h.arende_id
        WHERE a.id = $1`,
      [id],
    );
    return rad ?? null;
  }

  /** What replaced this arkivhandling (a correction), if anything. */
  async ersattAv(id: string): Promise<string | null> {
    const [rad]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM arkivhandling WHERE ersatter_id = $1 ORDER BY arkiverad_at LIMIT 1`,
      [id],
    );
    return rad?.id ?? null;
  }

  async kontrollsumma(id: string): Promise<Kontrollsumma> {
    const [rad]: Kontrollsumma[] = await this.dataSource.query(`${KONTROLLSUMMOR} WHERE a.id = $1`, [id]);
    return rad;
  }

  /** A page of every organisation's archived files, in id order after `efter`, for the scheduled check. */
  kontrollsummor(efter: string | null, antal: number): Promise<Kontrollsumma[]> {
    return this.dataSource.query(
      `${KONTROLLSUMMOR} WHERE ($1::uuid IS NULL OR a.id > $1::uuid) ORDER BY a.id LIMIT $2`,
      [efter, antal],
    );
  }

  async insertVerifiering(
    manager: EntityManager,
    summa: Kontrollsumma,
    resultat: { originalOk: boolean; pdfaOk: boolean | null },
    kontrolleradAv: string | null,
    nu: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO arkivverifiering (arkivhandling_id, organisation_id, original_ok, pdfa_ok, kontrollerad_av, kontrollerad_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [summa.id, summa.organisationId, resultat.originalOk, resultat.pdfaOk, kontrolleradAv, nu],
    );
  }

  /** The latest verifications of one arkivhandling, newest first. */
  verifieringar(id: string, antal: number): Promise<Verifiering[]> {
    return this.dataSource.query(
      `SELECT v.original_ok AS "originalOk", v.pdfa_ok AS "pdfaOk", v.kontrollerad_av AS "kontrolleradAv",
              u.namn AS "kontrolleradAvNamn", v.kontrollerad_at AS "kontrolleradAt"
         FROM arkivverifiering v LEFT JOIN anvandare u ON u.id = v.kontrollerad_av
        WHERE v.arkivhandling_id = $1 ORDER BY v.kontrollerad_at DESC, v.id DESC LIMIT $2`,
      [id, antal],
    );
  }
}
