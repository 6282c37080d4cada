import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './testing/test-infrastructure';

describe('append-only tables are enforced by the database itself', () => {
  let db: TestDatabase;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(`INSERT INTO audit_event (handelse, data) VALUES ('inloggning', '{"ip":"127.0.0.1"}')`);
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await expect(sql.query(`UPDATE audit_event SET handelse = 'ändrad'`)).rejects.toThrow(
      /audit_event is append-only: UPDATE refused/,
    );
    await expect(sql.query(`DELETE FROM audit_event`)).rejects.toThrow(/audit_event is append-only: DELETE refused/);
    await expect(sql.query(`TRUNCATE audit_event`)).rejects.toThrow(/audit_event is append-only: TRUNCATE refused/);
    const { rows } = await sql.query(`SELECT handelse FROM audit_event`);
    expect(rows).toEqual([{ handelse: 'inloggning' }]);
  });

  it('refuses changing stored file bytes and archived documents', async () => {
    const org = await sql.query(
      `INSERT INTO organisation (namn, slug, typ) VALUES ('Testkommun', 'test', 'kommun') RETURNING id`,
    );
    const fil = await sql.query(
      `INSERT INTO fil (organisation_id, filnamn, mimetyp, storlek, sha256, data) VALUES ($1, 'a.pdf', 'application/pdf', 4, repeat('0', 64), '\\x25504446') RETURNING id`,
      [org.rows[0].id],
    );
    await expect(sql.query(`UPDATE fil SET filnamn = 'b.pdf'`)).rejects.toThrow(/fil is append-only: UPDATE refused/);
    await sql.query(
      `INSERT INTO arkivhandling (organisation_id, fil_id, titel, diarienummer, sha256) VALUES ($1, $2, 'Yttrande', 'UN2025/412', repeat('0', 64))`,
      [org.rows[0].id, fil.rows[0].id],
    );
    await expect(sql.query(`UPDATE arkivhandling SET titel = 'Annat'`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM arkivhandling`)).rejects.toThrow(/append-only/);
  });
});
