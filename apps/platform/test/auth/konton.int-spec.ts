import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { kontoLank, mailTill } from '@app/mail/testing/konto-lankar';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { createOrganisation } from '@app/runtime';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

const LOSENORD = 'en lång mening om remisser';

/** Accounts through the API: onboarding by the command, invitations, the last admin, forgotten and weak passwords. */
describe('accounts: onboarding, users, passwords', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let region: { orgId: string; enhetId: string; admin: ApiClient };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i), { config: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('the command creates a region with its enhet and admin, whose invitation sets a password once', async () => {
    const rader = await createOrganisation(t.config, { databaseUrl: t.db.url, redisUrl: t.db.redisUrl }, [
      '--namn=Region Exempel',
      '--orgnr=2321000016',
      '--typ=region',
      '--epost=region@exempel.se',
      '--adress=Box 1, 123 45 Exempelstad',
      '--admin-namn=Anna Admin',
      '--admin-epost=admin@region-exempel.se',
    ]);
    expect(rader[0]).toMatch(/^Organisationen Region Exempel är skapad \(region, organisationsnummer 232100-0016/);
    const mail = await mailTill(sink, 'admin@region-exempel.se');
    expect(mail.subject).toBe('Inbjudan till Remissplattformen för Region Exempel');
    expect(mail.text).toContain('administratör vid Regionstyrelsen');
    const { token } = kontoLank(mail.text, 'inbjudan');

    const anon = t.anonymous();
    expect((await anon.get(`/api/konto/lank/${token}`)).body).toMatchObject({ syfte: 'inbjudan', namn: 'Anna Admin' });
    const svag = await anon.post(`/api/konto/lank/${token}`, { losenord: 'Password1234' });
    expect([svag.status, svag.body.code, svag.body.fel]).toEqual([
      400,
      'WEAK_PASSWORD',
      [{ falt: 'losenord', meddelande: expect.stringMatching(/läckta lösenord/) }],
    ]);
    expect((await anon.post(`/api/konto/lank/${token}`, { losenord: LOSENORD })).status).toBe(204);
    expect((await anon.post(`/api/konto/lank/${token}`, { losenord: LOSENORD })).body.code).toBe(
      'ACCOUNT_LINK_INVALID',
    );

    const admin = await ApiClient.login(t.url, 'admin@region-exempel.se', LOSENORD);
    const [org] = await sql(t.db.url, `SELECT id FROM organisation WHERE organisationsnummer = '232100-0016'`);
    const [enhet] = await sql(t.db.url, `SELECT id FROM enhet WHERE organisation_id = $1`, [org.id]);
    region = { orgId: org.id, enhetId: enhet.id, admin };
    // Its first enhet numbers its ärenden in a diarium of its own from the start; the letterhead is its folder's.
    const ar = stockholmDatum(new Date()).slice(0, 4);
    expect(rader).toContain(`Diarium: Regionstyrelsens diarium, första diarienumret RS ${ar}/0001.`);
    expect(rader).toContain(
      'Brevhuvud: mallen i templates/kommuner/region-exempel/ tills administratören sparar ett eget på /admin/brevhuvud.',
    );
    expect(
      await sql(
        t.db.url,
        `SELECT d.namn, d.prefix, d.format FROM diarium d JOIN enhet e ON e.diarium_id = d.id WHERE e.id = $1`,
        [enhet.id],
      ),
    ).toEqual([{ namn: 'Regionstyrelsens diarium', prefix: 'RS', format: '{prefix} {year}/{seq:4}' }]);
    const handelser = await sql(t.db.url, `SELECT handelse FROM audit_event WHERE organisation_id = $1 ORDER BY id`, [
      org.id,
    ]);
    expect(handelser.map((h) => h.handelse)).toEqual(['organisation_skapad', 'inbjudan_accepterad', 'inloggning']);
  });

  it('refuses a wrong control digit and a taken organisationsnummer, and writes nothing', async () => {
    const location = { databaseUrl: t.db.url, redisUrl: t.db.redisUrl };
    const args = (orgnr: string) => [
      '--namn=Region Fel',
      `--orgnr=${orgnr}`,
      '--typ=region',
      '--epost=r@fel.se',
      '--adress=Gatan 1',
      '--admin-namn=Bo Fel',
      '--admin-epost=bo@fel.se',
    ];
    await expect(createOrganisation(t.config, location, args('232100-0017'))).rejects.toMatchObject({
      code: 'ORGANISATIONSNUMMER_INVALID',
    });
    await expect(createOrganisation(t.config, location, args('232100-0016'))).rejects.toMatchObject({
      code: 'ORGANISATIONSNUMMER_TAKEN',
      svenska: 'Organisationsnummer 232100-0016 har redan Region Exempel.',
    });
    expect(await sql(t.db.url, `SELECT 1 FROM anvandare WHERE epost = 'bo@fel.se'`)).toEqual([]);
  });

  it('the admin invites a user with a role, who sets a password and signs in; roles are added and removed', async () => {
    const inbjuden = await region.admin.post('/api/admin/anvandare', {
      namn: 'Bo Berg',
      epost: 'bo.berg@region-exempel.se',
      enhetId: region.enhetId,
      roll: 'remissansvarig',
    });
    expect([inbjuden.status, inbjuden.body.anvandare.status]).toEqual([201, 'inbjuden']);
    const { token } = kontoLank((await mailTill(sink, 'bo.berg@region-exempel.se')).text, 'inbjudan');
    expect(
      (await t.anonymous().post(`/api/konto/lank/${token}`, { losenord: 'bo.berg-2026-remiss' })).body.fel,
    ).toEqual([{ falt: 'losenord', meddelande: 'Lösenordet får inte innehålla din e-postadress.' }]);
    expect((await t.anonymous().post(`/api/konto/lank/${token}`, { losenord: LOSENORD })).status).toBe(204);
    const bo = await ApiClient.login(t.url, 'bo.berg@region-exempel.se', LOSENORD);
    expect((await bo.get('/api/auth/me')).body.roller).toEqual([{ enhetId: region.enhetId, roll: 'remissansvarig' }]);
    expect((await bo.get('/api/admin/anvandare')).status).toBe(403);

    const id = inbjuden.body.anvandare.id;
    const med = await region.admin.post(`/api/admin/anvandare/${id}/roller`, {
      enhetId: region.enhetId,
      roll: 'admin',
    });
    expect(med.body.roller.map((r: { roll: string }) => r.roll).sort()).toEqual(['admin', 'remissansvarig']);
    const utan = await region.admin.post(`/api/admin/anvandare/${id}/roller/ta-bort`, {
      enhetId: region.enhetId,
      roll: 'admin',
    });
    expect(utan.body.roller.map((r: { roll: string }) => r.roll)).toEqual(['remissansvarig']);
    // Another organisation's admin does not find the user.
    const enkoping = await t.as('admin@enkoping.demo');
    expect((await enkoping.get(`/api/admin/anvandare/${id}`)).status).toBe(404);
  });

  it('never removes or deactivates the last admin, also when two admins deactivate each other at once', async () => {
    const [admin] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = 'admin@region-exempel.se'`);
    const sista = await region.admin.post(`/api/admin/anvandare/${admin.id}/inaktivera`);
    expect([sista.status, sista.body.code, sista.body.meddelande]).toEqual([
      409,
      'LAST_ADMIN',
      'Det går inte att inaktivera organisationens sista administratör. Ge först någon annan rollen administratör.',
    ]);
    const roll = await region.admin.post(`/api/admin/anvandare/${admin.id}/roller/ta-bort`, {
      enhetId: region.enhetId,
      roll: 'admin',
    });
    expect([roll.status, roll.body.code]).toEqual([409, 'LAST_ADMIN']);

    const [bo] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = 'bo.berg@region-exempel.se'`);
    await region.admin.post(`/api/admin/anvandare/${bo.id}/roller`, { enhetId: region.enhetId, roll: 'admin' });
    const boKlient = await ApiClient.login(t.url, 'bo.berg@region-exempel.se', LOSENORD);
    const svar = await Promise.all([
      region.admin.post(`/api/admin/anvandare/${bo.id}/inaktivera`),
      boKlient.post(`/api/admin/anvandare/${admin.id}/inaktivera`),
    ]);
    expect(svar.map((s) => s.status).sort()).toEqual([200, 409]);
    const kvar = await sql(
      t.db.url,
      `SELECT count(*)::int AS n FROM anvandare a JOIN anvandarroll r ON r.anvandare_id = a.id
        WHERE a.organisation_id = $1 AND a.aktiv AND r.roll = 'admin'`,
      [region.orgId],
    );
    expect(kvar[0].n).toBe(1);
    // The deactivated one's session ended with it.
    const borta = svar[0].status === 200 ? boKlient : region.admin;
    expect((await borta.get('/api/auth/me')).status).toBe(401);
    if (svar[0].status !== 200) region.admin = boKlient;
  });

  it('forgotten password: the same answer for any address, a one-time link for a real one, other sessions end', async () => {
    const fore = sink.received.length;
    const okand = await t.anonymous().post('/api/konto/glomt-losenord', { epost: 'finns.inte@exempel.se' });
    const kand = await t.anonymous().post('/api/konto/glomt-losenord', { epost: 'Un.Sekreterare@enkoping.demo' });
    expect([okand.status, kand.status]).toEqual([204, 204]);
    const mail = await mailTill(sink, 'un.sekreterare@enkoping.demo');
    expect(sink.received.slice(fore).every((m) => !m.to.includes('finns.inte@exempel.se'))).toBe(true);
    expect(mail.subject).toBe('Nytt lösenord till Remissplattformen');
    const gammal = await t.as('un.sekreterare@enkoping.demo');
    const { token } = kontoLank(mail.text, 'aterstall');
    expect((await t.anonymous().post(`/api/konto/lank/${token}`, { losenord: 'kort' })).body.fel).toEqual([
      { falt: 'losenord', meddelande: 'Lösenordet måste ha minst 12 tecken.' },
    ]);
    expect((await t.anonymous().post(`/api/konto/lank/${token}`, { losenord: LOSENORD })).status).toBe(204);
    expect((await gammal.get('/api/auth/me')).status).toBe(401);
    await ApiClient.login(t.url, 'un.sekreterare@enkoping.demo', LOSENORD);
  });

  it("changes one's own password with the current one; the other sessions end, this one stays", async () => {
    const denna = await ApiClient.login(t.url, 'un.sekreterare@enkoping.demo', LOSENORD);
    const andra = await ApiClient.login(t.url, 'un.sekreterare@enkoping.demo', LOSENORD);
    const fel = await denna.post('/api/konto/losenord', {
      nuvarandeLosenord: 'fel fel fel fel',
      nyttLosenord: 'ett helt nytt lösenord',
    });
    expect([fel.status, fel.body.code, fel.body.fel[0].falt]).toEqual([400, 'WRONG_PASSWORD', 'nuvarandeLosenord']);
    const ok = await denna.post('/api/konto/losenord', {
      nuvarandeLosenord: LOSENORD,
      nyttLosenord: 'ett helt nytt lösenord',
    });
    expect(ok.status).toBe(204);
    expect((await denna.get('/api/auth/me')).status).toBe(200);
    expect((await andra.get('/api/auth/me')).status).toBe(401);
  });
});
