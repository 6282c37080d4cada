import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EgenRedis, startaEgenRedis } from './testing/egen-redis';
import { skapaInstanser, skapaTestbadd, Testbadd, tills } from './testing/paminnelse-testbadd';
import { WorkerProcess } from './testing/worker-process';

describe('a worker killed with SIGKILL mid-batch (own redis-server, the worker app as a child process)', () => {
  let redis: EgenRedis;
  let t: Testbadd;

  beforeAll(async () => {
    redis = await startaEgenRedis();
    // This process only plans and queues; the child processes send, on the system clock.
    t = await skapaTestbadd({ nu: new Date(), redisUrl: redis.url, worker: false });
  });
  afterAll(async () => {
    await t.stang();
    await redis.stop();
  });

  it('after a restart every one of 500 due reminders is sent; duplicates at most one per reminder being sent at the kill', async () => {
    const instanser = await skapaInstanser(t.dataSource, t.instanser.get('UN')!.remissId, 125, '2030-05-15');
    // 500 reminders due now, as the planner writes them (its own times lie in 2030).
    const rader: { id: string }[] = await t.dataSource.query(
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at)
       SELECT i.organisation_id, i.id, typ, '2030-05-15', now() FROM remissinstans i, unnest(ARRAY['fore_10', 'fore_5', 'fore_3', 'pa_dagen']) AS typ
        WHERE i.id = ANY($1::uuid[]) RETURNING id`,
      [instanser],
    );
    expect(rader).toHaveLength(500);
    await t.planering.enqueue({ ids: rader.map((r) => r.id) });

    const env = { DATABASE_URL: t.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: t.config.QUEUE_PREFIX, SMTP_URL: t.sink.url, OUTBOX_CONCURRENCY: '20', OUTBOX_LEASE_MS: '3000', OUTBOX_STALLED_MS: '3000' };
    const forsta = WorkerProcess.start(env);
    await t.sink.waitFor(100, 60_000);
    await forsta.kill('SIGKILL');
    const [{ antal: skickarVidDoden }] = await t.dataSource.query(`SELECT count(*)::int AS antal FROM paminnelse WHERE status = 'skickar'`);
    const mottagnaVidDoden = t.sink.received.length;
    expect(mottagnaVidDoden).toBeLessThan(500);

    const andra = WorkerProcess.start(env);
    try {
      await tills(async () => (await t.rader(`status = 'skickad'`)).length === 500, 60_000);
    } finally {
      await andra.kill('SIGTERM');
    }
    const perMeddelande = new Map<string, number>();
    for (const m of t.sink.received) perMeddelande.set(m.messageId, (perMeddelande.get(m.messageId) ?? 0) + 1);
    const dubbletter = t.sink.received.length - perMeddelande.size;
    console.log(`SIGKILL after ${mottagnaVidDoden} mails: ${skickarVidDoden} rows were being sent; ${dubbletter} duplicates after restart`);
    expect(perMeddelande.size).toBe(500);
    expect(dubbletter).toBeLessThanOrEqual(skickarVidDoden);
  }, 120_000);
});
