import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SettableClock } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { UtkorgAvstamning } from '@app/utkorg';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { waitUntil } from '@app/reminders/testing/paminnelse-testbadd';
import { withClock } from '@app/runtime/testing/with-clock';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { personligToken } from '@app/mail/testing/epost-lankar';

/**
 * A revoked personal link stays revoked through the real reminder sweep (outbox worker, SMTP sink,
 * time moved by the app's Clock), until the sender issues a new one, here to a corrected address.
 */
describe('a revoked external link stays revoked in reminders until the sender issues a new one', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let remissId: string;
  let instansId: string;
  let forfallna: Date[];
  const clock = new SettableClock(new Date());
  const ks = (): Promise<ApiClient> => t.as('remissansvarig@enkoping.demo'); // a new login after each jump in time
  const mejl = async (epost: string, antal: number) => {
    await waitUntil(() => sink.to(epost).length >= antal, 15_000);
    return sink.to(epost)[antal - 1];
  };
  const levandeLankar = async () =>
    (
      await sql(
        t.db.url,
        `SELECT count(*)::int AS n FROM extern_atkomst WHERE remissinstans_id = $1 AND aterkallad_at IS NULL`,
        [instansId],
      )
    )[0].n;

  /** Moves the clock to a reminder's 08:00 and lets the reconciler send what became due, as its scheduler would. */
  async function vidTid(at: Date): Promise<void> {
    await waitUntil(
      async () => (await sql(t.db.url, `SELECT 1 FROM paminnelse WHERE status = 'skickar'`)).length === 0,
    );
    clock.set(at);
    await t.app.get(UtkorgAvstamning).run();
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(withClock(PlatformModule.forRoot, clock), { config: { SMTP_URL: sink.url } });
    const remiss = await remissUtkast(await ks(), 'Grönplan', [
      { namn: 'Naturskyddsföreningen', epost: 'nf@example.se' },
    ]);
    remissId = remiss.id;
    expect((await (await ks()).post(`/api/remisser/${remissId}/skicka`)).status).toBe(200);
    [{ id: instansId }] = await sql(t.db.url, `SELECT id FROM remissinstans WHERE remiss_id = $1`, [remissId]);
    forfallna = (
      await sql(t.db.url, `SELECT due_at FROM paminnelse WHERE remissinstans_id = $1 ORDER BY due_at`, [instansId])
    ).map((r) => r.due_at);
    expect(forfallna.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('after a revocation the reminder carries no link, mints none, and the old link stays 410', async () => {
    const inbjudan = personligToken((await mejl('nf@example.se', 1)).text);
    expect((await t.anonymous().get(`/api/extern/${inbjudan}`)).status).toBe(200);
    const aterkalla = await (await ks()).post(`/api/remisser/${remissId}/instanser/${instansId}/lank/aterkalla`);
    expect([aterkalla.status, aterkalla.body]).toEqual([200, { aterkallade: 1 }]);

    await vidTid(forfallna[0]);
    const paminnelse = await mejl('nf@example.se', 2);
    expect(paminnelse.subject).toContain('Påminnelse');
    expect(paminnelse.text).toContain('Er personliga länk till remissen har stängts av avsändaren. Kontakta');
    expect(paminnelse.text).not.toMatch(/\/svara\/|\/api\/|\/remisser\/|\/inkorg\//);
    expect(paminnelse.html).not.toMatch(/\/svara\/|\/api\/|href=/);
    expect(await levandeLankar()).toBe(0);
    const gammal = await t.anonymous().get(`/api/extern/${inbjudan}`);
    expect([gammal.status, gammal.body.code]).toEqual([410, 'LINK_REVOKED']);
  });

  it('a new link to a corrected address: mailed there, and the next reminder goes there with a link that works', async () => {
    const sandare = await ks();
    const fel = await sandare.post(`/api/remisser/${remissId}/instanser/${instansId}/lank`, {
      epost: 'inte en adress',
    });
    expect([fel.status, fel.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await sql(
        t.db.url,
        `SELECT extern_epost, lank_aterkallad_at IS NOT NULL AS aterkallad FROM remissinstans WHERE id = $1`,
        [instansId],
      ),
    ).toEqual([{ extern_epost: 'nf@example.se', aterkallad: true }]);

    const ny = await sandare.post(`/api/remisser/${remissId}/instanser/${instansId}/lank`, {
      epost: 'Remiss@Naturskydd.example.se',
    });
    expect([ny.status, ny.body]).toEqual([200, { aterkallade: 0 }]);
    const inbjudan = await mejl('remiss@naturskydd.example.se', 1);
    expect(inbjudan.text).toContain('Tidigare länkar till remissen gäller inte längre');
    expect(inbjudan.subject).toMatch(/^KS ?\d{4}\/\d+ Ny länk till remissen: Grönplan$/);
    expect((await t.anonymous().get(`/api/extern/${personligToken(inbjudan.text)}`)).status).toBe(200);
    const [handelse] = await sql(
      t.db.url,
      `SELECT data FROM audit_event WHERE handelse = 'extern_lank_ny' AND objekt_id = $1`,
      [instansId],
    );
    expect(handelse.data.epost).toEqual({ fran: 'nf@example.se', till: 'remiss@naturskydd.example.se' });

    await vidTid(forfallna[1]);
    const paminnelse = await mejl('remiss@naturskydd.example.se', 2);
    expect(paminnelse.subject).toContain('Påminnelse');
    const lank = personligToken(paminnelse.text);
    expect(paminnelse.html).toContain(`/svara/${lank}"`);
    expect((await t.anonymous().get(`/api/extern/${lank}`)).status).toBe(200);
    expect(sink.to('nf@example.se')).toHaveLength(2); // nothing more to the old address
  });
});
