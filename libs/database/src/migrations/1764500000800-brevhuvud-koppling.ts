import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation admin's data (#16). `brevhuvud`: an organisation's own letterhead, edited on
 * its admin pages so a kommun changes its name, addresses or colours without a deploy; without a
 * row the letterhead folder `templates/kommuner/<slug>/` is the default (and the layout stays that
 * folder's `brevhuvud.hbs`). The emblem is stored sanitised (SVG) or checked (PNG), at most 512 kB.
 * `organisationskoppling`: which organisations may send remisser to which; a row is the receiving
 * organisation's consent, so its admin adds and removes them.
 */
export class BrevhuvudKoppling1764500000800 implements MigrationInterface {
  name = 'BrevhuvudKoppling1764500000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brevhuvud (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        namn text NOT NULL,
        besoksadress text NOT NULL,
        postadress text NOT NULL,
        telefon text NOT NULL,
        epost text NOT NULL,
        webb text NOT NULL,
        organisationsnummer text NOT NULL CHECK (organisationsnummer ~ '^[0-9]{6}-[0-9]{4}$'),
        primarfarg text NOT NULL CHECK (primarfarg ~ '^#[0-9a-f]{6}$'),
        accentfarg text NOT NULL CHECK (accentfarg ~ '^#[0-9a-f]{6}$'),
        vart_dnr_etikett text NOT NULL,
        ert_dnr_etikett text NOT NULL,
        emblem bytea,
        emblem_typ text CHECK (emblem_typ IN ('image/svg+xml', 'image/png')),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((emblem IS NULL) = (emblem_typ IS NULL)),
        CHECK (octet_length(emblem) <= 524288)
      )
    `);
    await q.query(`
      CREATE TABLE organisationskoppling (
        avsandare_organisation_id uuid NOT NULL REFERENCES organisation(id),
        mottagare_organisation_id uuid NOT NULL REFERENCES organisation(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (avsandare_organisation_id, mottagare_organisation_id),
        CHECK (avsandare_organisation_id <> mottagare_organisation_id)
      )
    `);
    await q.query(
      `CREATE INDEX organisationskoppling_mottagare_idx ON organisationskoppling (mottagare_organisation_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisationskoppling, brevhuvud`);
  }
}
