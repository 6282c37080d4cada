import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DiariumRepository } from '../diarium/diarium.repository';
import { FilRepository } from '../fil/fil.repository';
import { ArkivService, Registrering } from './arkiv.service';
import { ArkivhandlingRepository } from './arkivhandling.repository';
import { ArkiveringKind } from './arkivering.kind';

/** Registering a document in ärenden of one and of two organisations (real PostgreSQL). */
describe('ArkivService.registerHandling', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let arkiv: ArkivService;
  const arenden: Record<'enkopingA' | 'enkopingB' | 'vadstena', { id: string; organisationId: string }> = {} as never;
  const pdf = Buffer.from('%PDF-1.7 ett yttrande');
  const dokument = { filnamn: 'KS2025-118-Utbildningsnamnden.pdf', mimetyp: 'application/pdf', data: pdf };
  const registrering = (arende: { id: string }, riktning: Registrering['riktning']): Registrering => ({
    arendeId: arende.id,
    riktning,
    datum: '2025-11-20',
    motpart: 'Utbildningsnämnden',
    beskrivning: 'Yttrande',
    registreradAv: null,
  });
  const handlingar = (arendeId: string) =>
    dataSource.query(
      `SELECT h.lopnummer, h.organisation_id, f.organisation_id AS fil_organisation, f.sha256
         FROM handling h LEFT JOIN fil f ON f.id = h.fil_id WHERE h.arende_id = $1 ORDER BY h.lopnummer`,
      [arendeId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 3)).initialize();
    await loadDemoData(dataSource);
    const nytt = async (slug: string, lopnummer: number) => {
      const [a] = await dataSource.query(
        `INSERT INTO arende (organisation_id, diarium_id, enhet_id, diarienummer, ar, lopnummer, arendemening)
         SELECT d.organisation_id, d.id, e.id, d.prefix || '2099/' || $2, 2099, $2::int, 'Prov' FROM diarium d
           JOIN enhet e ON e.diarium_id = d.id
           JOIN organisation o ON o.id = d.organisation_id WHERE o.slug = $1 ORDER BY d.prefix LIMIT 1
         RETURNING id, organisation_id AS "organisationId"`,
        [slug, lopnummer],
      );
      return a;
    };
    arenden.enkopingA = await nytt('enkoping', 1);
    arenden.enkopingB = await nytt('enkoping', 2);
    arenden.vadstena = await nytt('vadstena', 1);
    // These registrations archive nothing (no `arkivera`): the outbox kind is never asked (archiving: arkivering.int-spec).
    arkiv = new ArkivService(
      new DiariumRepository(dataSource),
      new FilRepository(),
      new ArkivhandlingRepository(dataSource),
      null as unknown as ArkiveringKind,
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores the file once per organisation: two ärenden of one share it, another organisation gets its own copy', async () => {
    const resultat = await dataSource.transaction((m) =>
      arkiv.registerHandling(m, dokument, [
        registrering(arenden.enkopingA, 'utgaende'),
        registrering(arenden.enkopingB, 'inkommande'),
        registrering(arenden.vadstena, 'inkommande'),
      ]),
    );
    const [a, b, v] = resultat.map((r) => r.fil);
    expect(b.id).toBe(a.id);
    expect(v.id).not.toBe(a.id);
    expect([a.organisationId, v.organisationId]).toEqual([
      arenden.enkopingA.organisationId,
      arenden.vadstena.organisationId,
    ]);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(await handlingar(arenden.vadstena.id)).toEqual([
      {
        lopnummer: 1,
        organisation_id: arenden.vadstena.organisationId,
        fil_organisation: arenden.vadstena.organisationId,
        sha256,
      },
    ]);
    expect(resultat.map((r) => r.handling.lopnummer)).toEqual([1, 1, 1]);
  });

  it('a file already stored is referenced in its own organisation and copied, bytes and all, into another', async () => {
    const [{ fil: missiv }] = await dataSource.transaction((m) =>
      arkiv.registerHandling(m, { ...dokument, filnamn: 'KS2025-118-missiv.pdf' }, [
        registrering(arenden.enkopingA, 'utgaende'),
      ]),
    );
    const [egen, annan] = await dataSource.transaction((m) =>
      arkiv.registerHandling(m, { filId: missiv.id }, [
        registrering(arenden.enkopingB, 'inkommande'),
        registrering(arenden.vadstena, 'inkommande'),
      ]),
    );
    expect(egen.fil.id).toBe(missiv.id);
    expect(annan.fil).toMatchObject({ filnamn: 'KS2025-118-missiv.pdf', sha256: missiv.sha256, storlek: pdf.length });
    expect(annan.fil.organisationId).toBe(arenden.vadstena.organisationId);
    expect(annan.handling.lopnummer).toBe(2); // after the answer registered above
    const [kopia] = await dataSource.query(
      `SELECT encode(sha256(data), 'hex') = sha256 AS stammer, length(data) AS storlek FROM fil WHERE id = $1`,
      [annan.fil.id],
    );
    expect(kopia).toEqual({ stammer: true, storlek: pdf.length });
  });

  it('gives the handling the editable rendition beside its document, copied per organisation like the document', async () => {
    const docx = Buffer.from('PK\u0003\u0004 ett yttrande');
    const resultat = await dataSource.transaction((m) =>
      arkiv.registerHandling(
        m,
        {
          ...dokument,
          redigerbar: { filnamn: 'KS2025-118-Utbildningsnamnden.docx', mimetyp: 'application/vnd.ms-word', data: docx },
        },
        [
          registrering(arenden.enkopingA, 'utgaende'),
          registrering(arenden.enkopingB, 'inkommande'),
          registrering(arenden.vadstena, 'inkommande'),
        ],
      ),
    );
    const [a, b, v] = resultat.map((r) => r.redigerbar!);
    expect(b.id).toBe(a.id);
    expect(v.id).not.toBe(a.id);
    expect([a.organisationId, v.organisationId]).toEqual([
      arenden.enkopingA.organisationId,
      arenden.vadstena.organisationId,
    ]);
    const sha256 = createHash('sha256').update(docx).digest('hex');
    expect(resultat.map((r) => [r.handling.filId, r.handling.redigerbarFilId])).toEqual(
      resultat.map((r) => [r.fil.id, r.redigerbar!.id]),
    );
    const [{ lopnummer }] = await dataSource.query(
      `SELECT h.lopnummer FROM handling h JOIN fil f ON f.id = h.redigerbar_fil_id
        WHERE h.arende_id = $1 AND f.sha256 = $2 AND f.organisation_id = h.organisation_id`,
      [arenden.vadstena.id, sha256],
    );
    expect(lopnummer).toBe(resultat[2].handling.lopnummer);
    // An editable rendition is never registered without the document itself.
    await expect(
      dataSource.query(`UPDATE handling SET fil_id = NULL WHERE id = $1`, [resultat[2].handling.id]),
    ).rejects.toThrow(/handling_redigerbar_med_dokument/);
  });

  it('registers a handling without a document, and refuses an unknown ärende with 404 storing nothing', async () => {
    const [{ handling, fil }] = await dataSource.transaction((m) =>
      arkiv.registerHandling(m, null, [registrering(arenden.vadstena, 'inkommande')]),
    );
    expect([handling.filId, fil]).toEqual([null, null]);
    const filer = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM fil`))[0].n;
    const fore = await filer();
    await expect(
      dataSource.transaction((m) =>
        arkiv.registerHandling(m, dokument, [
          registrering({ id: '00000000-0000-4000-8000-000000000000' }, 'inkommande'),
        ]),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(await filer()).toBe(fore);
  });
});
