import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An answer is sent as PDF and as an editable Word file (#17). Both are one handling in the
 * diarium (one löpnummer: the same letter in two formats), so the handling gets the editable
 * rendition beside its document; never without one. The mail to the sender carries both files:
 * `epost_bilaga` refers to the stored (immutable) files rather than copying their bytes into the
 * outbox, in the order they are attached.
 */
export class RedigerbartSvar1764400000700 implements MigrationInterface {
  name = 'RedigerbartSvar1764400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE handling ADD COLUMN redigerbar_fil_id uuid REFERENCES fil(id),
        ADD CONSTRAINT handling_redigerbar_med_dokument CHECK (redigerbar_fil_id IS NULL OR fil_id IS NOT NULL)
    `);
    // GET …/docx finds the Word file by the answer's PDF.
    await q.query(`CREATE INDEX handling_redigerbar_idx ON handling (fil_id) WHERE redigerbar_fil_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE epost_bilaga (
        epost_id uuid NOT NULL REFERENCES epost_utkorg(id) ON DELETE CASCADE,
        ordning integer NOT NULL,
        fil_id uuid NOT NULL REFERENCES fil(id),
        PRIMARY KEY (epost_id, ordning)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE epost_bilaga`);
    await q.query(`DROP INDEX handling_redigerbar_idx`);
    await q.query(`ALTER TABLE handling DROP COLUMN redigerbar_fil_id`);
  }
}
