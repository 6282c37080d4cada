import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

describe('diarienummer allocation (real PostgreSQL)', () => {
  let t: TestApp;
  let registrator: ApiClient;
  let diarier: { id: string; prefix: string }[];

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    registrator = await t.as('registrator@enkoping.demo');
    diarier = (await registrator.get('/api/diarier')).body;
  });
  afterAll(() => t.close());

  const diarium = (prefix: string) => diarier.find((d) => d.prefix === prefix)!.id;

  it('gives 50 concurrent allocations in one diarium 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registrator.post(`/api/diarier/${diarium('UN')}/arenden`, { arendemening: `Ärende ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const year = new Date().getFullYear();
    const numbers = results.map((r) => r.body.diarienummer as string);
    expect(new Set(numbers).size).toBe(50);
    const seqs = numbers.map((n) => Number(n.replace(`UN${year}/`, ''))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('registers an entered number in the diarium format, skips it when allocating, refuses it twice', async () => {
    const year = new Date().getFullYear();
    const entered = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, {
      arendemening: 'Inkommen remiss',
      diarienummer: `SN${year}/2`,
    });
    expect(entered.status).toBe(201);
    const first = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Nytt ärende' });
    const second = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Nytt ärende' });
    expect([first.body.diarienummer, second.body.diarienummer]).toEqual([`SN${year}/1`, `SN${year}/3`]);

    const again = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, {
      arendemening: 'Dubblett',
      diarienummer: `SN${year}/2`,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DIARIENUMMER_TAKEN');
  });

  it('refuses a number of another format with 400 naming the expected form', async () => {
    const res = await registrator.post(`/api/diarier/${diarium('UN')}/arenden`, {
      arendemening: 'Fel format',
      diarienummer: 'UN 2025/0412',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_DIARIENUMMER' });
    expect(res.body.message).toContain('UN2025/118');
  });

  it('forbids registering in a diarium where the caller has no registering role', async () => {
    const sekreterare = await t.as('un.sekreterare@enkoping.demo');
    const res = await sekreterare.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Inte min nämnd' });
    expect(res.status).toBe(403);
  });
});
