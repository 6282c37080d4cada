import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the foreign key from `paminnelse` (remissinstans_id, organisation_id) to its remissinstans
 * promised, checked once per statement instead of once per row. A remiss sent to twelve instanser
 * plans 48 reminders in one insert: the foreign key ran 48 lookups, each locking the instans, a
 * quarter of PostgreSQL's time in planning. One join of the statement's new rows costs less than
 * half of that. Like the key: a reminder belongs to an instans of its own organisation, never moves to
 * another, and an instans with reminders keeps its id and organisation and is not deleted.
 */
export class PaminnelseInstanskontroll1764100000001 implements MigrationInterface {
  name = 'PaminnelseInstanskontroll1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE paminnelse DROP CONSTRAINT paminnelse_remissinstans_fkey;

      CREATE FUNCTION paminnelse_instans_finns() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT FROM nya n LEFT JOIN remissinstans i ON i.id = n.remissinstans_id AND i.organisation_id = n.organisation_id WHERE i.id IS NULL) THEN
          RAISE foreign_key_violation USING MESSAGE = 'paminnelse: remissinstans_id must be a remissinstans of the same organisation';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER paminnelse_instans_finns AFTER INSERT ON paminnelse
        REFERENCING NEW TABLE AS nya FOR EACH STATEMENT EXECUTE FUNCTION paminnelse_instans_finns();

      CREATE FUNCTION paminnelse_instans_fast() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE foreign_key_violation USING MESSAGE = 'paminnelse: a reminder keeps its remissinstans and organisation';
      END $$;
      CREATE TRIGGER paminnelse_instans_fast BEFORE UPDATE OF remissinstans_id, organisation_id ON paminnelse FOR EACH ROW
        WHEN (OLD.remissinstans_id <> NEW.remissinstans_id OR OLD.organisation_id <> NEW.organisation_id) EXECUTE FUNCTION paminnelse_instans_fast();

      CREATE FUNCTION remissinstans_har_paminnelser() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.id = NEW.id AND OLD.organisation_id = NEW.organisation_id THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT FROM paminnelse WHERE remissinstans_id = OLD.id) THEN
          RAISE foreign_key_violation USING MESSAGE = 'remissinstans: an instans with reminders keeps its id and organisation and is not deleted';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER remissinstans_har_paminnelser BEFORE DELETE OR UPDATE OF id, organisation_id ON remissinstans
        FOR EACH ROW EXECUTE FUNCTION remissinstans_har_paminnelser();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER remissinstans_har_paminnelser ON remissinstans;
      DROP TRIGGER paminnelse_instans_fast ON paminnelse;
      DROP TRIGGER paminnelse_instans_finns ON paminnelse;
      DROP FUNCTION remissinstans_har_paminnelser(), paminnelse_instans_fast(), paminnelse_instans_finns();
      ALTER TABLE paminnelse ADD CONSTRAINT paminnelse_remissinstans_fkey FOREIGN KEY (remissinstans_id, organisation_id) REFERENCES remissinstans (id, organisation_id);
    `);
  }
}
