import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, SettableClock } from '@app/core';
import { REDIS } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { commonModules } from '@app/runtime';
import type Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { UtkorgKo } from './utkorg-ko.service';
import { UtkorgJobb, UtkorgTyp, UtkorgUtfall } from './utkorg-typ';
import { UtkorgTyper } from './utkorg-typer.service';
import { UtkorgModule, UtkorgWorkerModule } from './utkorg.module';
import { Utkorg } from './utkorg.service';

/** A kind that is not a mail (as archiving will be): it does what each row's `uppgift` says and reports it. */
@Injectable()
class ProvKind implements UtkorgTyp, OnModuleInit {
  readonly namn = 'prov';
  readonly tabell = 'prov_utkorg';
  readonly gjorda: string[] = [];
  private readonly felHittills = new Map<string, number>();

  constructor(
    private readonly typer: UtkorgTyper,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const rows: { id: string; uppgift: string }[] = await this.dataSource.query(
      `SELECT id, uppgift FROM prov_utkorg WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map(({ id, uppgift }): [string, UtkorgUtfall] => {
        if (uppgift === 'omojlig') return [id, { utfall: 'misslyckad', orsak: 'arkivet vägrar' }];
        if (uppgift === 'strul' && (this.felHittills.get(id) ?? 0) < 1) {
          this.felHittills.set(id, 1);
          return [id, { utfall: 'fel', fel: 'arkivet svarar inte' }];
        }
        this.gjorda.push(uppgift);
        return [id, { utfall: 'utford', kvitto: `arkiv-${uppgift}` }];
      }),
    );
  }

  /** A row done may plan the next one in the same transaction (as the weekly reminders do). */
  async afterPerformed(m: EntityManager, ids: string[], nu: Date): Promise<UtkorgJobb[]> {
    const nya: { id: string }[] = await m.query(
      `INSERT INTO prov_utkorg (uppgift, due_at) SELECT 'uppfoljning', $2 FROM prov_utkorg WHERE id = ANY($1::uuid[]) AND uppgift = 'kedja' RETURNING id`,
      [ids, nu],
    );
    return nya.map((r) => ({ typ: this.namn, id: r.id, at: nu }));
  }
}

@Module({ imports: [UtkorgModule], providers: [ProvKind] })
class ProvModule {}

describe('the outbox engine with a kind that is not a mail (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  const clock = new SettableClock(new Date('2026-03-02T09:00:00Z'));

  const rad = async (id: string) =>
    (
      await dataSource.query(`SELECT status::text, forsok, senaste_fel, message_id FROM prov_utkorg WHERE id = $1`, [
        id,
      ])
    )[0];
  const koa = async (...uppgifter: string[]) => {
    const ids = await dataSource.transaction(async (m) =>
      (
        await m.query(`INSERT INTO prov_utkorg (uppgift, due_at) SELECT u, $2 FROM unnest($1::text[]) u RETURNING id`, [
          uppgifter,
          clock.now(),
        ])
      ).map((r: { id: string }) => r.id),
    );
    await app.get(Utkorg).enqueue(app.get(ProvKind), ids);
    return ids as string[];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = db.config({ OUTBOX_RETRY_BASE_MS: '1000', OUTBOX_LEASE_MS: '2000', LOG_LEVEL: 'error' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...commonModules(config, { databaseUrl: db.url, redisUrl: db.redisUrl }),
        UtkorgWorkerModule,
        ProvModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    dataSource = moduleRef.get(DataSource);
    // The outbox columns every kind's table carries.
    await dataSource.query(`CREATE TABLE prov_utkorg (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), uppgift text NOT NULL, message_id text,
      due_at timestamptz NOT NULL, status paminnelse_status NOT NULL DEFAULT 'planerad', forsok integer NOT NULL DEFAULT 0,
      senaste_fel text, lease_until timestamptz, nasta_forsok_at timestamptz, skickad_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('does the work, stores its receipt, and queues the follow-up the kind planned in the settling transaction', async () => {
    const [id] = await koa('kedja');
    await waitUntil(async () => (await rad(id)).status === 'skickad');
    expect(await rad(id)).toMatchObject({ forsok: 1, message_id: 'arkiv-kedja', senaste_fel: null });
    await waitUntil(async () => app.get(ProvKind).gjorda.includes('uppfoljning'));
  });

  it('a transient failure is tried again after the backoff; a permanent one fails the row and its job', async () => {
    const [strul, omojlig] = await koa('strul', 'omojlig');
    await waitUntil(async () => {
      const r = await rad(strul);
      return r.status === 'planerad' && r.forsok === 1;
    });
    expect((await rad(strul)).senaste_fel).toBe('arkivet svarar inte');
    await waitUntil(async () => (await rad(omojlig)).status === 'misslyckad');
    expect((await rad(omojlig)).senaste_fel).toBe('arkivet vägrar');
    await waitUntil(async () =>
      (await app.get(UtkorgKo).listMisslyckade()).some(
        (j) => j.id === `prov-${omojlig}` && j.failedReason === 'arkivet vägrar',
      ),
    );
    clock.advance(1000);
    await waitUntil(async () => (await rad(strul)).status === 'skickad');
    expect((await rad(strul)).forsok).toBe(2);
  });

  it('keeps every key of the queue under the hashtag prefix, so a Redis Cluster holds them in one slot', async () => {
    const prefix = db.config().QUEUE_PREFIX;
    expect(prefix).toMatch(/^\{test-[0-9a-f]+\}$/);
    const redis = app.get<symbol, Redis>(REDIS);
    const keys = await redis.keys(`${prefix}:utkorg:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`${prefix}:`))).toBe(true);
  });

  it('refuses a kind whose table is not a plain identifier (it is interpolated into SQL)', () => {
    expect(() =>
      app.get(UtkorgTyper).register({ namn: 'ond', tabell: 'x; DROP TABLE remiss', perform: async () => new Map() }),
    ).toThrow(/invalid/);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const slut = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > slut) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
