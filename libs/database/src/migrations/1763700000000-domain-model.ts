import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain of DESIGN.md §2. Later migrations add columns and indexes, not rewrites.
 * Rules the database itself enforces: the audit log and archived documents are append-only,
 * stored files never change, diarienummer are unique per diarium and year.
 */
export class DomainModel1763700000000 implements MigrationInterface {
  name = 'DomainModel1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TYPE organisation_typ AS ENUM ('kommun', 'region', 'myndighet', 'forening', 'foretag');
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        namn text NOT NULL,
        slug text NOT NULL UNIQUE,
        typ organisation_typ NOT NULL,
        organisationsnummer text,
        epost text,
        ansluten boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TYPE enhet_typ AS ENUM ('namnd', 'styrelse', 'forvaltning', 'rad', 'bolag');
      CREATE TABLE enhet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        namn text NOT NULL,
        kortnamn text NOT NULL,
        typ enhet_typ NOT NULL,
        funktionsbrevlada text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, kortnamn)
      );

      CREATE TABLE anvandare (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        epost text NOT NULL,
        namn text NOT NULL,
        losenord_hash text NOT NULL,
        aktiv boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX anvandare_epost_uq ON anvandare (lower(epost));

      CREATE TYPE roll AS ENUM ('remissansvarig', 'namndsekreterare', 'handlaggare', 'registrator', 'admin');
      CREATE TABLE anvandarroll (
        anvandare_id uuid NOT NULL REFERENCES anvandare(id) ON DELETE CASCADE,
        enhet_id uuid NOT NULL REFERENCES enhet(id),
        roll roll NOT NULL,
        PRIMARY KEY (anvandare_id, enhet_id, roll)
      );

      CREATE TABLE session (
        token_hash bytea PRIMARY KEY,
        anvandare_id uuid NOT NULL REFERENCES anvandare(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX session_expires_idx ON session (expires_at);

      CREATE TABLE diarium (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        enhet_id uuid NOT NULL REFERENCES enhet(id),
        namn text NOT NULL,
        prefix text NOT NULL,
        format text NOT NULL DEFAULT '{prefix}{year}/{seq}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, prefix)
      );

      CREATE TABLE diarienummerserie (
        diarium_id uuid NOT NULL REFERENCES diarium(id),
        ar integer NOT NULL,
        senaste integer NOT NULL CHECK (senaste >= 0),
        PRIMARY KEY (diarium_id, ar)
      );

      CREATE TABLE fil (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        filnamn text NOT NULL,
        mimetyp text NOT NULL,
        storlek integer NOT NULL,
        sha256 char(64) NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TRIGGER fil_immutable BEFORE UPDATE ON fil FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE arende (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        diarium_id uuid NOT NULL REFERENCES diarium(id),
        diarienummer text NOT NULL,
        ar integer NOT NULL,
        lopnummer integer NOT NULL CHECK (lopnummer > 0),
        arendemening text NOT NULL,
        created_by uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (diarium_id, ar, lopnummer),
        UNIQUE (organisation_id, diarienummer)
      );

      CREATE TYPE handling_riktning AS ENUM ('inkommande', 'utgaende', 'upprattad');
      CREATE TABLE handling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        arende_id uuid NOT NULL REFERENCES arende(id),
        lopnummer integer NOT NULL,
        riktning handling_riktning NOT NULL,
        datum date NOT NULL,
        motpart text,
        beskrivning text NOT NULL,
        fil_id uuid REFERENCES fil(id),
        registrerad_av uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (arende_id, lopnummer)
      );
      CREATE INDEX handling_org_datum_idx ON handling (organisation_id, datum);

      CREATE TYPE remiss_status AS ENUM ('utkast', 'utskickad', 'avslutad', 'aterkallad');
      CREATE TABLE remiss (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        avsandare_enhet_id uuid NOT NULL REFERENCES enhet(id),
        arende_id uuid REFERENCES arende(id),
        diarienummer text NOT NULL,
        arendemening text NOT NULL,
        missiv text NOT NULL DEFAULT '',
        svarsdatum date NOT NULL,
        kontaktperson_namn text,
        kontaktperson_epost text,
        kontaktperson_telefon text,
        fragor jsonb NOT NULL DEFAULT '[]',
        status remiss_status NOT NULL DEFAULT 'utkast',
        missiv_fil_id uuid REFERENCES fil(id),
        utskickad_at timestamptz,
        avslutad_at timestamptz,
        aterkallad_at timestamptz,
        aterkallad_orsak text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX remiss_org_status_idx ON remiss (organisation_id, status, svarsdatum);

      CREATE TABLE remisshandling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        remiss_id uuid NOT NULL REFERENCES remiss(id) ON DELETE CASCADE,
        titel text NOT NULL,
        fil_id uuid NOT NULL REFERENCES fil(id),
        sidantal integer NOT NULL,
        ordning integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (remiss_id, ordning)
      );

      CREATE TABLE remisshandling_sida (
        remisshandling_id uuid NOT NULL REFERENCES remisshandling(id) ON DELETE CASCADE,
        sidnummer integer NOT NULL CHECK (sidnummer > 0),
        text text NOT NULL,
        PRIMARY KEY (remisshandling_id, sidnummer)
      );

      CREATE TYPE remissinstans_status AS ENUM ('inbjuden', 'registrerad', 'under_beredning', 'besvarad', 'avstar');
      CREATE TABLE remissinstans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        remiss_id uuid NOT NULL REFERENCES remiss(id),
        namn text NOT NULL,
        mottagare_organisation_id uuid REFERENCES organisation(id),
        mottagare_enhet_id uuid REFERENCES enhet(id),
        extern_epost text,
        status remissinstans_status NOT NULL DEFAULT 'inbjuden',
        svarsdatum date NOT NULL,
        anstand_orsak text,
        mottagare_arende_id uuid REFERENCES arende(id),
        mottagare_diarienummer text,
        handlaggare_id uuid REFERENCES anvandare(id),
        registrerad_at timestamptz,
        besvarad_at timestamptz,
        avstod_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mottagare_enhet_id IS NOT NULL OR mottagare_organisation_id IS NOT NULL OR extern_epost IS NOT NULL),
        UNIQUE (remiss_id, mottagare_enhet_id)
      );
      CREATE INDEX remissinstans_remiss_idx ON remissinstans (remiss_id, status);
      CREATE INDEX remissinstans_mottagare_idx ON remissinstans (mottagare_enhet_id, status, svarsdatum);

      CREATE TYPE remissvar_status AS ENUM ('utkast', 'for_beslut', 'beslutat', 'expedierat');
      CREATE TYPE remissvar_typ AS ENUM ('yttrande', 'avstar');
      CREATE TABLE remissvar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        enhet_id uuid REFERENCES enhet(id),
        remissinstans_id uuid NOT NULL UNIQUE REFERENCES remissinstans(id),
        typ remissvar_typ NOT NULL DEFAULT 'yttrande',
        status remissvar_status NOT NULL DEFAULT 'utkast',
        titel text NOT NULL,
        inledning text NOT NULL DEFAULT '',
        avslutning text NOT NULL DEFAULT '',
        fotnoter jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        slutlig_fil_id uuid REFERENCES fil(id),
        expedierad_at timestamptz,
        expedierad_av uuid REFERENCES anvandare(id),
        created_by uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX remissvar_enhet_idx ON remissvar (enhet_id, status);

      CREATE TABLE remissvar_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remissvar_id uuid NOT NULL REFERENCES remissvar(id) ON DELETE CASCADE,
        version integer NOT NULL,
        anvandare_id uuid REFERENCES anvandare(id),
        innehall jsonb NOT NULL,
        andring text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (remissvar_id, version)
      );

      CREATE TYPE synpunkt_typ AS ENUM ('medhall', 'invandning', 'andringsforslag', 'ovrigt');
      CREATE TABLE synpunkt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remissvar_id uuid NOT NULL REFERENCES remissvar(id) ON DELETE CASCADE,
        ordning integer NOT NULL,
        typ synpunkt_typ NOT NULL,
        rubrik text,
        text text NOT NULL DEFAULT '',
        remisshandling_id uuid REFERENCES remisshandling(id),
        sida integer CHECK (sida > 0),
        citat text,
        stryk_text text,
        ny_text text,
        fotnoter jsonb NOT NULL DEFAULT '[]',
        UNIQUE (remissvar_id, ordning),
        CHECK (citat IS NULL OR (remisshandling_id IS NOT NULL AND sida IS NOT NULL))
      );
      CREATE INDEX synpunkt_handling_idx ON synpunkt (remisshandling_id, sida);

      CREATE TYPE beslut_typ AS ENUM ('namndbeslut', 'delegationsbeslut');
      CREATE TABLE beslut (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remissvar_id uuid NOT NULL UNIQUE REFERENCES remissvar(id),
        typ beslut_typ NOT NULL,
        beslutsdatum date NOT NULL,
        sammantradesdatum date,
        paragraf text,
        delegat_namn text,
        delegat_titel text,
        created_by uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((typ = 'namndbeslut' AND sammantradesdatum IS NOT NULL AND paragraf IS NOT NULL)
            OR (typ = 'delegationsbeslut' AND delegat_namn IS NOT NULL))
      );

      CREATE TABLE paminnelseregel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        typ text NOT NULL CHECK (typ IN ('fore', 'pa_dagen', 'efter', 'veckovis')),
        arbetsdagar integer NOT NULL DEFAULT 0 CHECK (arbetsdagar >= 0),
        aktiv boolean NOT NULL DEFAULT true,
        UNIQUE (organisation_id, typ, arbetsdagar)
      );

      CREATE TYPE paminnelse_status AS ENUM ('planerad', 'skickar', 'skickad', 'avbruten', 'misslyckad');
      CREATE TABLE paminnelse (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        remissinstans_id uuid NOT NULL REFERENCES remissinstans(id),
        typ text NOT NULL,
        svarsdatum date NOT NULL,
        due_at timestamptz NOT NULL,
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        skickad_at timestamptz,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (remissinstans_id, typ, svarsdatum)
      );
      CREATE INDEX paminnelse_planerad_idx ON paminnelse (due_at) WHERE status = 'planerad';
      CREATE INDEX paminnelse_skickar_idx ON paminnelse (lease_until) WHERE status = 'skickar';

      CREATE TABLE arkivhandling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        handling_id uuid REFERENCES handling(id),
        fil_id uuid NOT NULL REFERENCES fil(id),
        pdfa_fil_id uuid REFERENCES fil(id),
        titel text NOT NULL,
        diarienummer text NOT NULL,
        sha256 char(64) NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        ersatter_id uuid REFERENCES arkivhandling(id),
        arkiverad_av uuid REFERENCES anvandare(id),
        arkiverad_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX arkivhandling_org_idx ON arkivhandling (organisation_id, arkiverad_at);
      CREATE TRIGGER arkivhandling_append_only BEFORE UPDATE OR DELETE ON arkivhandling
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE extern_atkomst (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        remissinstans_id uuid NOT NULL REFERENCES remissinstans(id),
        token_hash bytea NOT NULL UNIQUE,
        giltig_till timestamptz NOT NULL,
        aterkallad_at timestamptz,
        anvand_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        organisation_id uuid REFERENCES organisation(id),
        anvandare_id uuid REFERENCES anvandare(id),
        handelse text NOT NULL,
        objekt_typ text,
        objekt_id text,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_event_objekt_idx ON audit_event (objekt_typ, objekt_id);
      CREATE INDEX audit_event_org_idx ON audit_event (organisation_id, created_at);
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_event, extern_atkomst, arkivhandling, paminnelse, paminnelseregel, beslut, synpunkt,
        remissvar_revision, remissvar, remissinstans, remisshandling_sida, remisshandling, remiss, handling,
        arende, fil, diarienummerserie, diarium, session, anvandarroll, anvandare, enhet, organisation;
      DROP TYPE paminnelse_status, beslut_typ, synpunkt_typ, remissvar_typ, remissvar_status, remissinstans_status,
        remiss_status, handling_riktning, roll, enhet_typ, organisation_typ;
      DROP FUNCTION refuse_change();
    `);
  }
}
