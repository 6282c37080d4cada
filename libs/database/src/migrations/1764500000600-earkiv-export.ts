import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-arkiv export (FGS Paketstruktur 2.0): one row per ordered package, an outbox row of its own
 * kind (the outbox columns, `status` in `paminnelse_status`), with its selection (one ärende, or a
 * diarium and a date range), its progress (x of y handlingar) and, once built, the package's size
 * and SHA-256. The package bytes are stored in parts (`earkiv_export_del`, ≤ 1 MiB each) so that
 * neither building nor downloading holds a large package in memory.
 */
export class EarkivExport1764500000600 implements MigrationInterface {
  name = 'EarkivExport1764500000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE earkiv_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        diarium_id uuid NOT NULL REFERENCES diarium(id),
        arende_id uuid REFERENCES arende(id),
        fran date,
        till date,
        objid text NOT NULL UNIQUE,
        bestalld_av uuid REFERENCES anvandare(id),
        antal_handlingar integer NOT NULL DEFAULT 0,
        klara_handlingar integer NOT NULL DEFAULT 0,
        paket_storlek bigint,
        paket_sha256 char(64),
        message_id text,
        due_at timestamptz NOT NULL DEFAULT now(),
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        nasta_forsok_at timestamptz,
        skickad_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT earkiv_export_urval CHECK (arende_id IS NOT NULL OR (fran IS NOT NULL AND till IS NOT NULL AND fran <= till))
      );
      CREATE INDEX earkiv_export_org_idx ON earkiv_export (organisation_id, created_at DESC);
      CREATE INDEX earkiv_export_planerad_idx ON earkiv_export ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';
      CREATE INDEX earkiv_export_skickar_idx ON earkiv_export (lease_until) WHERE status = 'skickar';

      CREATE TABLE earkiv_export_del (
        export_id uuid NOT NULL REFERENCES earkiv_export(id),
        ordning integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (export_id, ordning)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE earkiv_export_del, earkiv_export`);
  }
}
