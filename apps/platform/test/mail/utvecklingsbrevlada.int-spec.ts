import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { Utvecklingsbrevlada } from '@app/mail';
import { waitUntil } from '@app/reminders/testing/paminnelse-testbadd';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

/** A newcomer's `npm start`: no SMTP_URL, so the platform catches its own mail and shows it. */
describe('the development mail sink (no SMTP_URL)', () => {
  let t: TestApp;
  let ks: ApiClient;
  let brevlada: Utvecklingsbrevlada;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot, { config: { PUBLIC_URL: 'http://localhost:3000' } });
    ks = await t.as('remissansvarig@enkoping.demo');
    brevlada = t.app.get(Utvecklingsbrevlada);
  }, 60_000);
  afterAll(() => t.close());

  it('catches the invitation a sent remiss mails, with its link to the nämnd’s page', async () => {
    expect(t.config.SMTP_URL).toBeUndefined();
    expect(brevlada.active).toBe(true);
    const enheter: { enhetId: string; kortnamn: string }[] = (await ks.get('/api/remissmottagare')).body;
    const un = enheter.find((e) => e.kortnamn === 'UN')!.enhetId;
    const remiss = await remissUtkast(ks, 'Översiktsplan', [{ enhetId: un }]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);

    await waitUntil(() => brevlada.list().length === 1, 15_000);
    const [mail] = brevlada.list();
    const [{ id: instansId }] = await sql(t.db.url, `SELECT id FROM remissinstans WHERE remiss_id = $1`, [remiss.id]);
    expect(mail).toMatchObject({
      mottagare: ['un@enkoping.se'],
      subject: `${remiss.diarienummer} Remiss från Kommunstyrelsen i Enköpings kommun: Översiktsplan`,
      replyTo: 'remissansvarig@enkoping.demo',
    });
    expect(mail.text).toContain(`http://localhost:3000/inkorg/${instansId}\n`);
    expect(mail.html).toContain(`<a href="http://localhost:3000/inkorg/${instansId}">`);
  });
});
