import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, SettableClock } from '@app/core';
import { dataSourceOptions, Organisation } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { commonModules } from '@app/runtime';
import { DataSource } from 'typeorm';
import { Bokmarke, UtkorgAvstamning, UtkorgKo, UtkorgRader, UtkorgWorkerModule } from '@app/utkorg';
import { EpostUtkorg } from './epost-utkorg';
import { MailModule } from './mail.module';
import { Epost, messageIdFor } from './mailer.service';
import { SmtpSink } from './testing/smtp-sink';

describe('the e-mail outbox (real PostgreSQL, Redis, SMTP)', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let utkorg: EpostUtkorg;
  let organisationId: string;
  const clock = new SettableClock(new Date('2026-03-02T09:00:00Z'));
  let n = 0;

  const epost = (till: string): Epost => {
    n++;
    return {
      to: till,
      subject: `KS2025/118 Remiss: Förslag till policy för digital omställning (${n})`,
      text: 'Hej!\n\nSvara senast 2026-05-15 kl. 23.59.',
      html: '<p>Hej!</p><p>Svara senast 2026-05-15 kl. 23.59.</p>',
      messageId: messageIdFor('remiss-test', `${n}`),
    };
  };
  const rad = async (id: string) =>
    (
      await dataSource.query(
        `SELECT status::text, forsok, senaste_fel, nasta_forsok_at, text, html FROM epost_utkorg WHERE id = $1`,
        [id],
      )
    )[0];
  /** Stores mails in one transaction and dispatches them after commit, as the workflow does. */
  const koa = async (...mails: Epost[]) => {
    const ids = await dataSource.transaction((m) =>
      Promise.all(mails.map((mail) => utkorg.enqueue(m, organisationId, mail))),
    );
    await utkorg.dispatch(ids);
    return ids;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await new SmtpSink().start();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    await loadDemoData(dataSource);
    organisationId = (await dataSource.getRepository(Organisation).findOneByOrFail({ slug: 'enkoping' })).id;
    const config = db.config({
      SMTP_URL: sink.url,
      OUTBOX_RETRY_BASE_MS: '1000',
      OUTBOX_LEASE_MS: '2000',
      LOG_LEVEL: 'error',
    });
    app = await (
      await Test.createTestingModule({
        imports: [
          ...commonModules(config, { databaseUrl: db.url, redisUrl: db.redisUrl }),
          UtkorgWorkerModule,
          MailModule,
        ],
      })
        .overrideProvider(Clock)
        .useValue(clock)
        .compile()
    ).init();
    utkorg = app.get(EpostUtkorg);
  });
  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await sink.stop();
    await db.drop();
  });

  it('sends a stored mail after commit with its Message-ID, and nothing for a rolled-back transaction', async () => {
    await dataSource
      .transaction(async (m) => {
        await utkorg.enqueue(m, organisationId, epost('aldrig@enkoping.se'));
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const [id] = await koa(epost('un@enkoping.se'));
    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({
      to: ['un@enkoping.se'],
      subject: 'KS2025/118 Remiss: Förslag till policy för digital omställning (2)',
      messageId: '<remiss-test.2@remissplattformen>',
    });
    expect(mail.text).toContain('Svara senast 2026-05-15 kl. 23.59');
    expect(mail.html).toContain('<p>Hej!</p>');
    await waitUntil(async () => (await rad(id)).status === 'skickad'); // marked after SMTP accepted it
    expect(await rad(id)).toMatchObject({ text: '', html: null }); // a sent body (it may hold a personal link) is not kept
    expect(sink.to('aldrig@enkoping.se')).toEqual([]);
  });

  it('a template mail arrives reading right (å ä ö intact, user text escaped in the HTML part and as written in the text), with its Reply-To', async () => {
    sink.received.length = 0;
    const orsak = 'Ändrad tidplan <b>för</b> "Östra" & Åby';
    const [id] = await dataSource.transaction(async (m) => [
      await utkorg.enqueue(m, organisationId, {
        to: 'un@enkoping.se',
        replyTo: 'asa.oberg@enkoping.se',
        subject: 'KS2025/118 Anstånd till 2026-06-01: Översyn av ärendehantering',
        mall: 'remiss-anstand',
        data: {
          mottagare: 'Utbildningsnämnden',
          avsandare: 'Kommunstyrelsen i Enköpings kommun',
          arendemening: 'Översyn av ärendehantering',
          diarienummer: 'KS2025/118',
          kontakt: 'Åsa Öberg',
          svaraSenast: 'senast 2026-06-01 kl. 23.59',
          orsak,
        },
        messageId: messageIdFor('anstand-test', '1'),
      }),
    ]);
    await utkorg.dispatch([id]);
    const [mail] = await sink.waitFor(1);
    expect(mail.subject).toBe('KS2025/118 Anstånd till 2026-06-01: Översyn av ärendehantering');
    expect(mail.replyTo).toBe('asa.oberg@enkoping.se');
    expect(mail.text).toContain(
      'Kommunstyrelsen i Enköpings kommun har gett er anstånd med svaret på remissen "Översyn av ärendehantering" (dnr KS2025/118).',
    );
    expect(mail.text).toContain(`Skäl: ${orsak}`);
    expect(mail.text).toContain('Kontaktperson: Åsa Öberg');
    expect(mail.html).toContain('<p>Skäl: Ändrad tidplan &lt;b&gt;för&lt;/b&gt; &quot;Östra&quot; &amp; Åby</p>');
    expect(mail.html).not.toContain('<b>');
  });

  it('SMTP down: the mail goes back to planerad with a backoff and is sent once SMTP is back', async () => {
    sink.received.length = 0;
    const port = Number(new URL(sink.url).port);
    await sink.stop();
    const [id] = await koa(epost('sn@enkoping.se'));
    await waitUntil(async () => (await rad(id)).forsok >= 1 && (await rad(id)).status === 'planerad');
    const efterFel = await rad(id);
    expect(efterFel.senaste_fel).toMatch(/ECONNREFUSED|connect/i);
    expect(efterFel.nasta_forsok_at.getTime()).toBe(clock.now().getTime() + 1000);

    await sink.start(port);
    clock.advance(1000);
    await sink.waitFor(1);
    await waitUntil(async () => (await rad(id)).status === 'skickad');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.to('sn@enkoping.se')).toHaveLength(1);
  });

  it('a 550 makes the mail misslyckad with the reason, and the failed job is listed', async () => {
    sink.rejected.add('finns-inte@enkoping.se');
    const [id] = await koa(epost('finns-inte@enkoping.se'));
    await waitUntil(async () => (await rad(id)).status === 'misslyckad');
    expect((await rad(id)).senaste_fel).toMatch(/^SMTP 550: .*Mailbox unavailable/);
    const failed = await app.get(UtkorgKo).listMisslyckade();
    expect(failed.find((j) => j.id === `epost-${id}`)?.failedReason).toMatch(/SMTP 550/);
  });

  it('a 550 for a mail swept up by another mail’s job: misslyckad, and its own job is listed failed once that sweep is over', async () => {
    sink.rejected.add('borta@enkoping.se');
    const [, id] = await koa(epost('kfn@enkoping.se'), epost('borta@enkoping.se'));
    await waitUntil(async () => (await rad(id)).status === 'misslyckad');
    expect((await rad(id)).senaste_fel).toMatch(/^SMTP 550: /);
    await waitUntil(async () =>
      (await app.get(UtkorgKo).listMisslyckade()).some(
        (j) => j.id === `epost-${id}` && /SMTP 550/.test(j.failedReason),
      ),
    );
  });

  it('a mail stored but never dispatched (a crash after commit) is sent by the reconciler', async () => {
    sink.received.length = 0;
    const id = await dataSource.transaction((m) => utkorg.enqueue(m, organisationId, epost('tn@enkoping.se')));
    expect((await app.get(UtkorgAvstamning).run()).tillagda).toBe(1);
    await sink.waitFor(1);
    await waitUntil(async () => (await rad(id)).status === 'skickad');
  });

  it('the reconciler pages through planned rows due at the same microsecond one at a time, meeting each once', async () => {
    const samma: { id: string }[] = await dataSource.query(
      `INSERT INTO epost_utkorg (organisation_id, till, amne, text, message_id, due_at)
       SELECT $1, '{kfn@enkoping.se}', 'Sidning', 'Hej', 'sidning-' || g, '2026-04-01 09:00:00.000123+00' FROM generate_series(1, 3) g RETURNING id`,
      [organisationId],
    );
    const rader = app.get(UtkorgRader);
    const sedda: string[] = [];
    let efter: Bokmarke | undefined;
    for (
      let sida = await rader.listPlanerade('epost_utkorg', efter, 1);
      sida.rader.length;
      sida = await rader.listPlanerade('epost_utkorg', efter, 1)
    ) {
      sedda.push(...sida.rader.map((r) => r.id));
      efter = sida.bokmarke;
    }
    expect(new Set(sedda).size).toBe(sedda.length);
    expect(sedda.filter((id) => samma.some((r) => r.id === id))).toEqual(samma.map((r) => r.id).sort());
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const slut = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > slut) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
