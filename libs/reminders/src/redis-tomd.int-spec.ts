import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmInstant } from '@app/core';
import Redis from 'ioredis';
import { EgenRedis, startEgenRedis } from './testing/egen-redis';
import { createInstanser, createTestbadd, Testbadd, waitUntil } from './testing/paminnelse-testbadd';

describe('a flushed Redis loses no reminder (own redis-server)', () => {
  let redis: EgenRedis;
  let t: Testbadd;
  const kl = (datum: string) => stockholmInstant(datum, 8);

  beforeAll(async () => {
    redis = await startEgenRedis();
    t = await createTestbadd({
      nu: stockholmInstant('2026-03-02', 12),
      redisUrl: redis.url,
      config: { OUTBOX_CONCURRENCY: '100' },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('FLUSHALL with 1,000 reminders pending: after the reconciler every one is sent exactly once, at its time', async () => {
    const instanser = await createInstanser(t.dataSource, t.instanser.get('UN')!.remissId, 250, '2026-04-07');
    const planerat = await t.inTransaction((m) => t.planering.plan(m, instanser));
    expect(planerat.ids).toHaveLength(1000);

    const klient = new Redis(redis.url);
    await klient.flushall();
    await klient.quit();
    const avstamning = (await t.reconcile()) as { tillagda: number };
    expect(avstamning.tillagda).toBe(1000);

    for (const [datum, vantat] of [
      ['2026-03-20', 250],
      ['2026-03-31', 500],
      ['2026-04-07', 750],
      ['2026-04-08', 1000],
    ] as const) {
      // Sends in flight finish before the clock jumps days ahead (their leases would expire mid-send).
      await waitUntil(async () => (await t.rader(`status = 'skickar'`)).length === 0);
      t.clock.set(new Date(kl(datum).getTime() - 60_000));
      await t.reconcile();
      await new Promise((r) => setTimeout(r, 100));
      expect(t.sink.received.length).toBe(vantat - 250); // nothing early
      t.clock.set(kl(datum));
      await t.reconcile();
      await t.sink.waitFor(vantat, 20_000);
    }
    await waitUntil(async () => (await t.rader(`status = 'skickad'`)).length === 1000);
    const perMeddelande = new Map<string, number>();
    for (const m of t.sink.received) perMeddelande.set(m.messageId, (perMeddelande.get(m.messageId) ?? 0) + 1);
    expect(perMeddelande.size).toBe(1000);
    expect([...perMeddelande.values()].every((n) => n === 1)).toBe(true);
    const tidiga: unknown[] = await t.dataSource.query(
      `SELECT id FROM paminnelse WHERE status = 'skickad' AND skickad_at < due_at`,
    );
    expect(tidiga).toEqual([]);
    expect(t.sink.to('extern-17@example.se')[0].text).toMatch(
      /Er personliga länk för att svara: https:\/\/remiss\.enkoping\.se\/svara\/[A-Za-z0-9_-]{43}/,
    );
  }, 120_000);
});
