import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { sql } from '@app/database/testing/test-infrastructure';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { personligToken } from '@app/mail/testing/epost-lankar';

/** Personal links that can no longer be used: a clear 410 (or 404), and every attempt in the audit log. */
describe('external remissinstanser: declining, and links that are revoked, expired or closed', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let remissId: string;
  /** The personal link's token, from the invitation mail. */
  const token = async (epost: string) => {
    const deadline = Date.now() + 15_000;
    while (!sink.to(epost).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return personligToken(sink.to(epost)[0].text);
  };
  const nekade = async () =>
    (
      await sql(
        t.db.url,
        `SELECT data->>'orsak' AS orsak, organisation_id IS NOT NULL AS org FROM audit_event WHERE handelse = 'extern_lank_nekad' ORDER BY id`,
      )
    ).map((r) => r.orsak);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    ks = await t.as('remissansvarig@enkoping.demo');
    const remiss = await remissUtkast(ks, 'Avfallsplan', [
      { namn: 'Naturskyddsföreningen', epost: 'nf@example.se' },
      { namn: 'Region Uppsala', epost: 'region@example.se' },
      { namn: 'Länsstyrelsen', epost: 'lst@example.se' },
    ]);
    remissId = remiss.id;
    expect((await ks.post(`/api/remisser/${remissId}/skicka`)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('declines (avstår) with a short text: registered as inkommande handling, instans avstar, link spent', async () => {
    const nf = await token('nf@example.se');
    const res = await t.anonymous().post(`/api/extern/${nf}/avstar`, { motivering: 'Inga synpunkter.' });
    expect([res.status, res.body]).toEqual([200, { status: 'avstar' }]);
    const [instans] = await sql(
      t.db.url,
      `SELECT status, avstar_motivering FROM remissinstans WHERE remiss_id = $1 AND namn = 'Naturskyddsföreningen'`,
      [remissId],
    );
    expect(instans).toEqual({ status: 'avstar', avstar_motivering: 'Inga synpunkter.' });
    const handlingar = await sql(
      t.db.url,
      `SELECT h.beskrivning FROM handling h JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = $1 AND h.riktning = 'inkommande'`,
      [remissId],
    );
    expect(handlingar).toEqual([{ beskrivning: 'Naturskyddsföreningen avstår från att yttra sig: Inga synpunkter.' }]);
    const deadline = Date.now() + 15_000;
    while (!sink.to('remissansvarig@enkoping.demo').length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const [besked] = sink.to('remissansvarig@enkoping.demo');
    expect(besked.subject).toMatch(/^KS ?\d{4}\/\d+ Naturskyddsföreningen avstår: Avfallsplan$/);
    // A reply reaches the instans that declined; the link opens the sender's page of the remiss.
    expect(besked.replyTo).toBe('nf@example.se');
    expect(besked.from).toContain('Naturskyddsföreningen via Remissplattformen');
    expect(besked.text).toMatch(new RegExp(`Remissen och svaren:\nhttps?://[^/]+/remisser/${remissId}\n`));
    const again = await t.anonymous().post(`/api/extern/${nf}/avstar`, {});
    expect([again.status, again.body.code]).toEqual([410, 'LINK_USED']);
    const sammanstallning = await ks.get(`/api/remisser/${remissId}/sammanstallning`);
    expect(sammanstallning.body).toMatchObject({
      avstod: ['Naturskyddsföreningen'],
      ejSvarat: ['Länsstyrelsen', 'Region Uppsala'],
    });
  });

  it('a link revoked by the sender gives 410 LINK_REVOKED', async () => {
    const region = await token('region@example.se');
    const [instans] = await sql(
      t.db.url,
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Region Uppsala'`,
      [remissId],
    );
    const revoke = await ks.post(`/api/remisser/${remissId}/instanser/${instans.id}/lank/aterkalla`);
    expect([revoke.status, revoke.body]).toEqual([200, { aterkallade: 1 }]);
    const res = await t.anonymous().get(`/api/extern/${region}`);
    expect([res.status, res.body.code]).toEqual([410, 'LINK_REVOKED']);
    expect(res.body.meddelande).toContain('återkallats');

    // A new link for the same instans: mailed, works; the revoked one stays refused.
    const ny = await ks.post(`/api/remisser/${remissId}/instanser/${instans.id}/lank`);
    expect([ny.status, ny.body]).toEqual([200, { aterkallade: 0 }]);
    const deadline = Date.now() + 15_000;
    while (sink.to('region@example.se').length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const mail = sink.to('region@example.se')[1];
    expect(mail.text).toContain('Tidigare länkar till remissen gäller inte längre');
    const nyToken = personligToken(mail.text);
    expect(nyToken).not.toBe(region);
    expect((await t.anonymous().get(`/api/extern/${nyToken}`)).status).toBe(200);
    expect((await t.anonymous().get(`/api/extern/${region}`)).status).toBe(410);
  });

  it('an expired link gives 410 LINK_EXPIRED; once the remiss is avslutad every link gives 410', async () => {
    const lst = await token('lst@example.se');
    await sql(
      t.db.url,
      `UPDATE extern_atkomst SET giltig_till = now() - interval '1 minute' WHERE remissinstans_id = (SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Länsstyrelsen')`,
      [remissId],
    );
    const expired = await t.anonymous().get(`/api/extern/${lst}`);
    expect([expired.status, expired.body.code]).toEqual([410, 'LINK_EXPIRED']);
    await sql(
      t.db.url,
      `UPDATE extern_atkomst SET giltig_till = now() + interval '1 day' WHERE remissinstans_id = (SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Länsstyrelsen')`,
      [remissId],
    );
    expect((await t.anonymous().get(`/api/extern/${lst}`)).status).toBe(200);
    expect((await ks.post(`/api/remisser/${remissId}/avsluta`)).status).toBe(200);
    const closed = await t.anonymous().get(`/api/extern/${lst}`);
    expect([closed.status, closed.body.code]).toEqual([410, 'LINK_REVOKED']);
    expect(await nekade()).toEqual(['anvand', 'aterkallad', 'aterkallad', 'utgangen', 'aterkallad']);
  });
});
