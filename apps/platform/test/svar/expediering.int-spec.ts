import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { createHash } from 'node:crypto';
import { PlatformModule } from '../../src/platform.module';
import { sql } from '@app/database/testing/test-infrastructure';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { SEED_STYCKEN, unSvar } from '@app/svar/testing/policy-fixture';

const enRad = (text: string) => text.replace(/\s+/g, ' ');

describe('expediering and avstår (real PostgreSQL, Redis, Chromium, SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let demo: DemoRemiss;
  let sekreterare: ApiClient;
  let svarId: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    demo = await demoRemissMedHandling(t.db.url);
    sekreterare = await t.as('un.sekreterare@enkoping.demo');
    const handlaggare = await t.as('un.handlaggare@enkoping.demo');
    await sekreterare.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, { diarienummer: 'UN2025/412' });
    svarId = (
      await handlaggare.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId))
    ).body.id;
    await handlaggare.post(`/api/remissvar/${svarId}/for-beslut`);
    await sql(
      t.db.url,
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at) SELECT organisation_id, id, 'efter', svarsdatum, now() + interval '1 day' FROM remissinstans WHERE id = ANY($1)`,
      [[demo.instanser.UN, demo.instanser.SN]],
    );
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('previews the draft as a PDF at any time, with the quotation that runs over a page break', async () => {
    const res = await sekreterare.get(`/api/remissvar/${svarId}/forhandsvisning`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect([
      res.headers.get('content-disposition'),
      res.headers.get('content-security-policy'),
      res.headers.get('x-content-type-options'),
    ]).toEqual([expect.stringMatching(/^inline; filename\*=UTF-8''forhandsvisning-/), 'sandbox', 'nosniff']);
    const text = enRad(await pdfText(res.body));
    expect(text).toContain('Svar på remiss om policy för digital omställning');
    // The quotation that runs over the policy's page break, without the policy's footer and header between.
    expect(text).toContain(enRad(unSvar(demo.remisshandlingId).synpunkter[2].citat!));
  });

  it('refuses to send before the beslut', async () => {
    const res = await sekreterare.post(`/api/remissvar/${svarId}/expediera`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("'for_beslut'");
  });

  it('sends the answer once: immutable PDF in both diarier, instans besvarad, reminders cancelled, kontaktperson notified', async () => {
    await sekreterare.post(`/api/remissvar/${svarId}/beslut`, {
      typ: 'namndbeslut',
      sammantradesdatum: '2025-04-23',
      paragraf: '45',
    });
    const tva = await Promise.all([
      sekreterare.post(`/api/remissvar/${svarId}/expediera`),
      sekreterare.post(`/api/remissvar/${svarId}/expediera`),
    ]);
    expect(tva.map((r) => r.status).sort()).toEqual([200, 409]);
    const res = tva.find((r) => r.status === 200)!;
    expect(res.body).toMatchObject({ status: 'expedierat', slutligFilId: expect.any(String) });

    const sender = await t.as('remissansvarig@enkoping.demo');
    expect((await sender.get(`/api/remissvar/${svarId}`)).status).toBe(200);
    const pdf = await sender.get(`/api/remissvar/${svarId}/pdf`);
    expect([
      pdf.headers.get('content-disposition'),
      pdf.headers.get('content-security-policy'),
      pdf.headers.get('x-content-type-options'),
    ]).toEqual(["attachment; filename*=UTF-8''KS2025-118-Utbildningsnamnden.pdf", 'sandbox', 'nosniff']);
    const text = enRad(await pdfText(pdf.body));
    for (const stycke of [...SEED_STYCKEN, 'UN2025/412', 'KS2025/118', '§ 45']) expect(text).toContain(enRad(stycke));

    const [fil] = await sql(t.db.url, 'SELECT filnamn, sha256 FROM fil WHERE id = $1', [res.body.slutligFilId]);
    expect(fil).toEqual({
      filnamn: 'KS2025-118-Utbildningsnamnden.pdf',
      sha256: createHash('sha256').update(pdf.body).digest('hex'),
    });
    await expect(
      sql(t.db.url, `UPDATE fil SET filnamn = 'x.pdf' WHERE id = $1`, [res.body.slutligFilId]),
    ).rejects.toThrow(/append-only/);
    expect(await sql(t.db.url, `SELECT id FROM fil WHERE filnamn = 'KS2025-118-Utbildningsnamnden.pdf'`)).toHaveLength(
      1,
    );
    const handlingar = await sql(
      t.db.url,
      `SELECT a.diarienummer, h.riktning FROM handling h JOIN arende a ON a.id = h.arende_id WHERE h.fil_id = $1 ORDER BY a.diarienummer`,
      [res.body.slutligFilId],
    );
    expect(handlingar).toEqual([
      { diarienummer: 'KS2025/118', riktning: 'inkommande' },
      { diarienummer: 'UN2025/412', riktning: 'utgaende' },
    ]);
    const [instans] = await sql(t.db.url, 'SELECT status, besvarad_at FROM remissinstans WHERE id = $1', [
      demo.instanser.UN,
    ]);
    expect(instans).toMatchObject({ status: 'besvarad', besvarad_at: expect.any(Date) });
    expect(
      await sql(t.db.url, `SELECT status FROM paminnelse WHERE remissinstans_id = $1`, [demo.instanser.UN]),
    ).toEqual([{ status: 'avbruten' }]);
    expect(
      await sql(
        t.db.url,
        `SELECT handelse FROM audit_event WHERE objekt_id = $1 AND handelse IN ('remissvar_expedierat', 'remissvar_synligt_for_avsandare') ORDER BY id`,
        [svarId],
      ),
    ).toHaveLength(2);

    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({
      to: ['remissansvarig@enkoping.demo'],
      subject:
        'KS2025/118 Utbildningsnämnden i Enköpings kommun har svarat: Förslag till policy för digital omställning',
      // A reply reaches the nämnd that answered, at its mailbox.
      replyTo: 'un@enkoping.se',
    });
    expect(mail.text).toMatch(new RegExp(`Remissen och svaren:\nhttps?://[^/]+/remisser/${demo.remissId}\n`));
    expect(mail.text).toContain('senast 2025-05-15 kl. 23.59');

    const igen = await sekreterare.post(`/api/remissvar/${svarId}/expediera`);
    expect(igen.status).toBe(409);
    expect(igen.body.message).toContain("'expedierat'");
  });

  it('lets SN decline with a short text: registered on the way, a short PDF sent the same way, instans avstar', async () => {
    const sn = await t.as('sn.sekreterare@enkoping.demo');
    const res = await sn.post(`/api/remissinstanser/${demo.instanser.SN}/avsta`, {
      motivering: 'Socialnämnden avstår då förslaget inte berör nämndens verksamhet.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ typ: 'avstar', status: 'expedierat', synpunkter: [] });
    const [instans] = await sql(t.db.url, 'SELECT status, mottagare_diarienummer FROM remissinstans WHERE id = $1', [
      demo.instanser.SN,
    ]);
    expect(instans.status).toBe('avstar');
    expect(instans.mottagare_diarienummer).toMatch(/^SN\d{4}\/1$/);
    const text = enRad(await pdfText((await sn.get(`/api/remissvar/${res.body.id}/pdf`)).body));
    expect(text).toContain('Socialnämnden avstår då förslaget inte berör nämndens verksamhet.');
    expect(text).toContain(instans.mottagare_diarienummer);
    // No draft came first, and still every version of the letter has its revision.
    const revisioner = await sn.get(`/api/remissvar/${res.body.id}/revisioner`);
    expect(revisioner.body.items.map((r: { version: number; andring: string }) => [r.version, r.andring])).toEqual([
      [2, 'Avstår från att yttra sig.'],
      [1, 'Avstår: brev skapat.'],
    ]);
    const forsta = await sn.get(`/api/remissvar/${res.body.id}/revisioner/1`);
    expect([forsta.status, forsta.body.innehall.status, forsta.body.innehall.inledning]).toEqual([
      200,
      'utkast',
      'Socialnämnden avstår då förslaget inte berör nämndens verksamhet.',
    ]);
    expect(
      await sql(t.db.url, `SELECT status FROM paminnelse WHERE remissinstans_id = $1`, [demo.instanser.SN]),
    ).toEqual([{ status: 'avbruten' }]);
    const mails = await sink.waitFor(2);
    expect(mails[1].subject).toBe(
      'KS2025/118 Socialnämnden i Enköpings kommun avstår: Förslag till policy för digital omställning',
    );
    expect(mails[1].replyTo).toBe('sn@enkoping.se');
    expect(mails[1].from).toContain('Socialnämnden i Enköpings kommun via Remissplattformen');
    expect((await sn.post(`/api/remissinstanser/${demo.instanser.SN}/avsta`, {})).status).toBe(409);
  });
});
