import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EgenRedis, startEgenRedis } from './testing/egen-redis';
import { createInstanser, createTestbadd, Testbadd, waitUntil } from './testing/paminnelse-testbadd';
import { WorkerProcess } from './testing/worker-process';

describe('a worker stopped mid-batch (own redis-server, the worker app as a child process)', () => {
  let redis: EgenRedis;
  let t: Testbadd;

  beforeAll(async () => {
    redis = await startEgenRedis();
    // This process only plans and queues; the child processes send, on the system clock.
    t = await createTestbadd({ nu: new Date(), redisUrl: redis.url, worker: false });
  });

  /** `antal` reminders due now, as the planner writes them (its own times lie in 2030), queued. */
  async function forfallna(antal: number): Promise<string[]> {
    const instanser = await createInstanser(t.dataSource, t.instanser.get('UN')!.remissId, antal / 4, '2030-05-15');
    const rader: { id: string }[] = await t.dataSource.query(
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at)
       SELECT i.organisation_id, i.id, typ, '2030-05-15', now() FROM remissinstans i, unnest(ARRAY['fore_10', 'fore_5', 'fore_3', 'pa_dagen']) AS typ
        WHERE i.id = ANY($1::uuid[]) RETURNING id`,
      [instanser.map((i) => i.id)],
    );
    await t.planering.enqueue({ ids: rader.map((r) => r.id) });
    return rader.map((r) => r.id);
  }

  const miljo = () => ({
    DATABASE_URL: t.db.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: t.config.QUEUE_PREFIX,
    SMTP_URL: t.sink.url,
    OUTBOX_CONCURRENCY: '20',
    OUTBOX_LEASE_MS: '2000',
    OUTBOX_STALLED_MS: '2000',
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('after a restart every one of 500 due reminders is sent; duplicates at most one per reminder being sent at the kill', async () => {
    expect(await forfallna(500)).toHaveLength(500);
    const env = miljo();
    const forsta = WorkerProcess.start(env);
    await t.sink.waitFor(100, 60_000);
    await forsta.kill('SIGKILL');
    const [{ antal: skickarVidDoden }] = await t.dataSource.query(
      `SELECT count(*)::int AS antal FROM paminnelse WHERE status = 'skickar'`,
    );
    const mottagnaVidDoden = t.sink.received.length;
    expect(mottagnaVidDoden).toBeLessThan(500);

    const andra = WorkerProcess.start(env);
    try {
      await waitUntil(async () => (await t.rader(`status = 'skickad'`)).length === 500, 60_000);
    } finally {
      await andra.kill('SIGTERM');
    }
    const perMeddelande = new Map<string, number>();
    for (const m of t.sink.received) perMeddelande.set(m.messageId, (perMeddelande.get(m.messageId) ?? 0) + 1);
    const dubbletter = t.sink.received.length - perMeddelande.size;
    console.log(
      `SIGKILL after ${mottagnaVidDoden} mails: ${skickarVidDoden} rows were being sent; ${dubbletter} duplicates after restart`,
    );
    expect(perMeddelande.size).toBe(500);
    expect(dubbletter).toBeLessThanOrEqual(skickarVidDoden);
  }, 120_000);

  it('SIGTERM mid-batch: the sends in progress finish and are marked, no new one starts, the process exits 0', async () => {
    await t.dataSource.query(`DELETE FROM paminnelse`);
    t.sink.received.length = 0;
    const ids = await forfallna(400);
    const worker = WorkerProcess.start(miljo());
    await t.sink.waitFor(50, 60_000);
    expect(await worker.kill('SIGTERM')).toBe(0);
    const status: { status: string; antal: number }[] = await t.dataSource.query(
      `SELECT status::text, count(*)::int AS antal FROM paminnelse WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    );
    const antal = Object.fromEntries(status.map((s) => [s.status, s.antal]));
    expect(antal.skickar).toBeUndefined();
    expect(antal.skickad).toBe(t.sink.received.length);
    expect(antal.planerad).toBeGreaterThan(0);
  }, 120_000);
});
