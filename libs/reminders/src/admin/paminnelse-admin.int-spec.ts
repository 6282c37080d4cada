import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { commonModules } from '@app/runtime';
import { UtkorgWorkerModule } from '@app/utkorg';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DataSource } from 'typeorm';
import { PaminnelsePlanering } from '../paminnelse-planering';
import { RemindersModule } from '../reminders.module';
import { createInstanser, waitUntil } from '../testing/paminnelse-testbadd';

@Module({})
class PaminnelseApp {
  static forRoot(config: AppConfig, location: { databaseUrl: string; redisUrl: string }): DynamicModule {
    return {
      module: PaminnelseApp,
      imports: [...commonModules(config, location), UtkorgWorkerModule, RemindersModule],
    };
  }
}

describe('admin API of reminders, and reminders when SMTP fails (system clock)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: ApiClient;
  let dataSource: DataSource;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PaminnelseApp.forRoot, {
      config: { SMTP_URL: sink.url, OUTBOX_RETRY_BASE_MS: '300', OUTBOX_RETRY_MAX_MS: '1000' },
    });
    admin = await t.as('admin@enkoping.demo');
    dataSource = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('is for admins only', async () => {
    const ansvarig = await t.as('remissansvarig@enkoping.demo');
    expect((await ansvarig.get('/api/admin/paminnelseregler')).status).toBe(403);
    expect((await ansvarig.get('/api/admin/paminnelser/ko')).status).toBe(403);
    expect((await t.anonymous().get('/api/admin/paminnelser/misslyckade')).status).toBe(401);
  });

  it('shows the default rules until the organisation saves its own', async () => {
    const res = await admin.get('/api/admin/paminnelseregler');
    expect(res.status).toBe(200);
    expect(res.body.standard).toBe(true);
    expect(res.body.regler.map((r: { typ: string; arbetsdagar: number }) => `${r.typ} ${r.arbetsdagar}`)).toEqual([
      'fore 10',
      'fore 3',
      'pa_dagen 0',
      'efter 1',
      'veckovis 0',
    ]);
  });

  it('refuses invalid rules with a code, and unknown fields naming the field', async () => {
    const noll = await admin.put('/api/admin/paminnelseregler', {
      regler: [{ typ: 'fore', arbetsdagar: 0, aktiv: true }],
    });
    expect(noll.status).toBe(400);
    expect(noll.body).toMatchObject({ statusCode: 400, code: 'INVALID_RULE' });
    const dubbel = await admin.put('/api/admin/paminnelseregler', {
      regler: [
        { typ: 'efter', arbetsdagar: 2, aktiv: true },
        { typ: 'efter', arbetsdagar: 2, aktiv: false },
      ],
    });
    expect(dubbel.body.code).toBe('DUPLICATE_RULE');
    const okand = await admin.put('/api/admin/paminnelseregler', {
      regler: [{ typ: 'manadsvis', arbetsdagar: 0, aktiv: true, extra: 1 }],
    });
    expect(okand.status).toBe(400);
    expect(okand.body.code).toBe('VALIDATION_FAILED');
    expect(okand.body.message).toMatch(/typ/);
  });

  it('saves the rules, and reminders planned afterwards follow them, though the planner remembered the rules before', async () => {
    const [remiss] = await dataSource.query(`SELECT id FROM remiss WHERE diarienummer = 'KS2025/118'`);
    const [fore] = await createInstanser(dataSource, remiss.id, 1, '2030-04-09');
    await dataSource.transaction((m) => t.app.get(PaminnelsePlanering).plan(m, [fore]));
    expect(
      await dataSource.query(`SELECT typ FROM paminnelse WHERE remissinstans_id = $1 ORDER BY due_at`, [fore.id]),
    ).toEqual([{ typ: 'fore_10' }, { typ: 'fore_3' }, { typ: 'pa_dagen' }, { typ: 'efter_1' }]);

    const res = await admin.put('/api/admin/paminnelseregler', {
      regler: [
        { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
        { typ: 'fore', arbetsdagar: 5, aktiv: true },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      standard: false,
      regler: [
        { typ: 'fore', arbetsdagar: 5, aktiv: true },
        { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
      ],
    });
    const [instans] = await createInstanser(dataSource, remiss.id, 1, '2030-04-09');
    await dataSource.transaction((m) => t.app.get(PaminnelsePlanering).plan(m, [instans]));
    const rader = await dataSource.query(
      `SELECT typ, due_at FROM paminnelse WHERE remissinstans_id = $1 ORDER BY due_at`,
      [instans.id],
    );
    expect(rader.map((r: { typ: string; due_at: Date }) => [r.typ, r.due_at.toISOString()])).toEqual([
      ['fore_5', '2030-04-02T06:00:00.000Z'],
      ['pa_dagen', '2030-04-09T06:00:00.000Z'],
    ]);
  });

  /** A reminder of a new external instans that is due now: the row the planner writes, with today's time. */
  async function forfallenPaminnelse(epost: string): Promise<string> {
    const [remiss] = await dataSource.query(`SELECT id, organisation_id FROM remiss WHERE diarienummer = 'KS2025/118'`);
    const [instans] = await createInstanser(dataSource, remiss.id, 1, '2030-05-15');
    await dataSource.query(`UPDATE remissinstans SET extern_epost = $2 WHERE id = $1`, [instans.id, epost]);
    const [rad] = await dataSource.query(
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at) VALUES ($1, $2, 'fore_3', '2030-05-15', now()) RETURNING id`,
      [remiss.organisation_id, instans.id],
    );
    await t.app.get(PaminnelsePlanering).enqueue({ ids: [rad.id] });
    return rad.id;
  }

  it('SMTP down for a while: the reminder is retried with backoff and sent once, when SMTP is back', async () => {
    const port = Number(new URL(sink.url).port);
    await sink.stop();
    const id = await forfallenPaminnelse('under-avbrott@example.se');
    const rad = async () =>
      (await dataSource.query(`SELECT status::text, forsok, senaste_fel FROM paminnelse WHERE id = $1`, [id]))[0];
    await waitUntil(async () => (await rad()).forsok >= 2);
    expect(await rad()).toMatchObject({ senaste_fel: expect.stringMatching(/ECONNREFUSED|connect/i) });
    await sink.start(port);
    await waitUntil(async () => (await rad()).status === 'skickad');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.to('under-avbrott@example.se')).toHaveLength(1);
    expect(sink.to('under-avbrott@example.se')[0].subject).toMatch(/^KS2025\/118 Påminnelse om remissvar/);
  });

  it('lists a reminder refused with 550 as misslyckad with its reason, and its failed job with the queue counts', async () => {
    sink.rejected.add('finns-inte@example.se');
    const id = await forfallenPaminnelse('finns-inte@example.se');
    await waitUntil(async () => (await admin.get('/api/admin/paminnelser/misslyckade')).body.length === 1);
    const [misslyckad] = (await admin.get('/api/admin/paminnelser/misslyckade')).body;
    expect(misslyckad).toMatchObject({
      id,
      diarienummer: 'KS2025/118',
      typ: 'fore_3',
      svarsdatum: '2030-05-15',
      forsok: 1,
    });
    expect(misslyckad.orsak).toMatch(/^SMTP 550/);
    const ko = (await admin.get('/api/admin/paminnelser/ko')).body;
    expect(ko.antal).toMatchObject({ failed: 1 });
    expect(ko.misslyckadeJobb).toEqual([
      expect.objectContaining({
        jobbId: `paminnelse-${id}`,
        typ: 'paminnelse',
        orsak: expect.stringMatching(/SMTP 550/),
      }),
    ]);
  });
});
