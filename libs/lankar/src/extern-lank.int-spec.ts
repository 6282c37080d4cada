import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { loadConfig, PlattformsLankar } from '@app/core';
import { DataSource } from 'typeorm';
import { ExternAtkomstRepository } from './extern-atkomst.repository';
import { ExternLankService, LankFor } from './extern-lank.service';

/** A reminder's fresh link and the sender's revocation of the same instans, at the same moment (real PostgreSQL). */
describe('a reminder minting a link while the sender revokes the instans’ link', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let lank: LankFor & { epost: string };
  let service: ExternLankService;
  const nyaExternLankar = (links: (LankFor & { epost: string })[]) =>
    service.issueForReminders(dataSource.manager, links);

  const levande = async () =>
    (
      await dataSource.query(
        `SELECT count(*)::int AS n FROM extern_atkomst WHERE remissinstans_id = $1 AND aterkallad_at IS NULL`,
        [lank.remissinstansId],
      )
    )[0].n;

  /** Starts minting while another transaction holds the revocation uncommitted; `slut` commits or rolls it back. */
  async function medanAterkallelsePagar(slut: 'COMMIT' | 'ROLLBACK'): Promise<(string | null)[]> {
    const aterkallelse = dataSource.createQueryRunner();
    await aterkallelse.connect();
    try {
      await aterkallelse.query('BEGIN');
      await aterkallelse.query(`UPDATE remissinstans SET lank_aterkallad_at = now() WHERE id = $1`, [
        lank.remissinstansId,
      ]);
      await aterkallelse.query(
        `UPDATE extern_atkomst SET aterkallad_at = now() WHERE remissinstans_id = $1 AND aterkallad_at IS NULL`,
        [lank.remissinstansId],
      );
      let klar = false;
      const lankar = nyaExternLankar([lank]).finally(() => (klar = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(klar).toBe(false); // it waits for the revocation to decide
      await aterkallelse.query(slut);
      return await lankar;
    } finally {
      await aterkallelse.release();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 3)).initialize();
    await loadDemoData(dataSource);
    const [{ id }] = await dataSource.query(`SELECT id FROM remiss WHERE diarienummer = 'KS2025/118'`);
    const [instans] = await dataSource.query(
      `INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, svarsdatum)
       SELECT organisation_id, id, 'Extern instans 1', 'extern-1@example.se', '2030-05-15' FROM remiss WHERE id = $1
       RETURNING id, organisation_id`,
      [id],
    );
    lank = {
      organisationId: instans.organisation_id,
      remissinstansId: instans.id,
      svarsdatum: '2030-05-15',
      epost: 'extern-1@example.se',
    };
    const config = loadConfig({ PUBLIC_URL: 'https://remiss.enkoping.se' });
    service = new ExternLankService(new ExternAtkomstRepository(), new PlattformsLankar(config));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('mints a link while the instans is not revoked, valid until svarsdatum + 30 days', async () => {
    const [url] = await nyaExternLankar([lank]);
    expect(url).toMatch(/^https:\/\/remiss\.enkoping\.se\/svara\/[A-Za-z0-9_-]{43}$/);
    expect(await levande()).toBe(1);
    const [rad] = await dataSource.query(
      `SELECT giltig_till FROM extern_atkomst WHERE remissinstans_id = $1 AND aterkallad_at IS NULL`,
      [lank.remissinstansId],
    );
    expect(rad.giltig_till).toEqual(new Date('2030-06-14T21:59:59.999Z'));
  });

  it('a revocation that commits while the link is being minted wins: no link, and no live row left', async () => {
    expect(await medanAterkallelsePagar('COMMIT')).toEqual([null]);
    expect(await levande()).toBe(0);
  });

  it('a re-issue to a corrected address that commits meanwhile wins too: no link for the old address', async () => {
    const nyAdress = dataSource.createQueryRunner();
    await nyAdress.connect();
    try {
      await nyAdress.query('BEGIN');
      await nyAdress.query(
        `UPDATE remissinstans SET extern_epost = 'ny@example.se', lank_aterkallad_at = NULL WHERE id = $1`,
        [lank.remissinstansId],
      );
      const lankar = nyaExternLankar([lank]);
      await new Promise((r) => setTimeout(r, 300));
      await nyAdress.query('COMMIT');
      expect(await lankar).toEqual([null]);
      expect(await levande()).toBe(0);
      expect(await nyaExternLankar([{ ...lank, epost: 'ny@example.se' }])).toEqual([
        expect.stringMatching(/\/svara\//),
      ]);
    } finally {
      await nyAdress.query(`UPDATE remissinstans SET extern_epost = 'extern-1@example.se' WHERE id = $1`, [
        lank.remissinstansId,
      ]);
      await dataSource.query(`UPDATE extern_atkomst SET aterkallad_at = now() WHERE remissinstans_id = $1`, [
        lank.remissinstansId,
      ]);
      await nyAdress.release();
    }
  });

  it('a revocation that rolls back leaves the instans open: the link is minted', async () => {
    await dataSource.query(`UPDATE remissinstans SET lank_aterkallad_at = NULL WHERE id = $1`, [lank.remissinstansId]);
    const [url] = await medanAterkallelsePagar('ROLLBACK');
    expect(url).toMatch(/\/svara\/[A-Za-z0-9_-]{43}$/);
    expect(await levande()).toBe(1);
  });
});
