import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { UtkorgAvstamning } from '@app/utkorg';
import { EgenRedis, startEgenRedis } from '@app/reminders/testing/egen-redis';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { RemissServiceModule } from '../../../remiss-service/src/remiss-service.module';
import { PdfKoKlient } from '@app/pdf';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';

const QUEUE_ADD_TIMEOUT_MS = 800;

async function vantaPa(villkor: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await villkor())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Issue #11, section 7: a committed change answers at once when Redis hangs or is gone; the reconciler queues its rows later. */
describe('Redis away (own redis-server)', () => {
  describe('sending a remiss', () => {
    let redis: EgenRedis;
    let sink: SmtpSink;
    let t: TestApp;
    let ks: ApiClient;

    beforeAll(async () => {
      redis = await startEgenRedis();
      sink = await new SmtpSink().start();
      t = await startTestApp(
        (config, location) => PlatformModule.forRoot(config, { ...location, redisUrl: redis.url }),
        {
          config: { REDIS_URL: redis.url, SMTP_URL: sink.url, QUEUE_ADD_TIMEOUT_MS: String(QUEUE_ADD_TIMEOUT_MS) },
        },
      );
      ks = await t.as('remissansvarig@enkoping.demo');
    }, 90_000);
    afterAll(async () => {
      redis.resume();
      await t?.close();
      await redis?.stop();
      await sink?.stop();
    });

    const skicka = async (arendemening: string) => {
      const remiss = await remissUtkast(ks, arendemening, [
        { namn: 'Naturskyddsföreningen', epost: 'nf@example.se' },
        { enhetId: await unEnhet() },
      ]);
      const start = Date.now();
      const res = await ks.post(`/api/remisser/${remiss.id}/skicka`);
      return { res, ms: Date.now() - start, id: remiss.id };
    };
    const unEnhet = async () =>
      (await sql(t.db.url, `SELECT id FROM enhet WHERE namn = 'Utbildningsnämnden'`))[0].id as string;
    /** What the send committed: its instanser, the invitations in the outbox, the planned reminders. */
    const rader = async (remissId: string, arendemening: string) => ({
      instanser: (
        await sql(t.db.url, `SELECT count(*)::int AS n FROM remissinstans WHERE remiss_id = $1`, [remissId])
      )[0].n,
      inbjudningar: (
        await sql(t.db.url, `SELECT count(*)::int AS n FROM epost_utkorg WHERE amne LIKE $1`, [`%${arendemening}%`])
      )[0].n,
      paminnelser: (
        await sql(
          t.db.url,
          `SELECT count(*)::int AS n FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id WHERE i.remiss_id = $1 AND p.status = 'planerad'`,
          [remissId],
        )
      )[0].n,
    });

    it('with Redis hung (no answers), the send answers within QUEUE_ADD_TIMEOUT_MS and its rows are committed', async () => {
      redis.pause();
      const { res, ms, id } = await skicka('Hängd Redis');
      redis.resume();
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(QUEUE_ADD_TIMEOUT_MS + 3000);
      const committed = await rader(id, 'Hängd Redis');
      expect(committed).toMatchObject({ instanser: 2, inbjudningar: 2 });
      expect(committed.paminnelser).toBeGreaterThan(0);
    });

    it('with Redis gone, the send answers at once', async () => {
      await redis.stop();
      const { res, ms, id } = await skicka('Borta Redis');
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(QUEUE_ADD_TIMEOUT_MS);
      expect(await rader(id, 'Borta Redis')).toMatchObject({ instanser: 2, inbjudningar: 2 });
      // Redis back (the app's clients reconnect): the reconciler queues what the send could not, and the invitations go out.
      redis = await startEgenRedis({ port: Number(new URL(redis.url).port) });
      await t.app.get(UtkorgAvstamning).run();
      const deadline = Date.now() + 20_000;
      while (sink.to('nf@example.se').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(sink.to('nf@example.se').map((m) => m.subject)).toEqual([
        expect.stringContaining('Hängd Redis'),
        expect.stringContaining('Borta Redis'),
      ]);
    });
  });

  describe('a PDF through the pdf queue (remiss-service)', () => {
    let redis: EgenRedis;
    let t: TestApp;

    beforeAll(async () => {
      redis = await startEgenRedis();
      t = await startTestApp(
        (config, location) =>
          RemissServiceModule.forRoot(config, { ...location, redisUrl: redis.url, stop: async () => undefined }),
        {
          config: { REDIS_URL: redis.url, PDF_QUEUE_TIMEOUT_MS: '60000' },
        },
      );
    }, 90_000);
    afterAll(async () => {
      await t?.close();
      await redis?.stop();
    });

    it('fails at once with 503 and a Swedish message when Redis is gone, instead of waiting PDF_QUEUE_TIMEOUT_MS', async () => {
      const ks = await t.as('remissansvarig@enkoping.demo');
      const [remiss] = await sql(t.db.url, `SELECT id FROM remiss WHERE status = 'utskickad' LIMIT 1`);
      await redis.stop();
      const start = Date.now();
      const res = await ks.get(`/api/remisser/${remiss.id}/sammanstallning.pdf`);
      expect(Date.now() - start).toBeLessThan(2000);
      expect([res.status, res.body.code]).toEqual([503, 'PDF_FAILED']);
      expect(res.body.meddelande).toBe('Utskriftstjänsten går inte att nå just nu. Försök igen om en stund.');
      // Redis back, and the app's clients with it, so the app can close.
      redis = await startEgenRedis({ port: Number(new URL(redis.url).port) });
      await vantaPa(async () => (await t.anonymous().get('/health/ready')).status === 200);
      const klient = t.app.get(PdfKoKlient) as unknown as { redis: { status: string } };
      await vantaPa(async () => klient.redis.status === 'ready');
    });
  });
});
