import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum, workingDaysAfter } from '@app/core';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { POLICY_SIDOR, POLICY_TITEL, SEED_STYCKEN, unSvar } from '@app/svar/testing/policy-fixture';
import { PlatformModule } from '../src/platform.module';
import { personligToken } from '@app/mail/testing/epost-lankar';

const enRad = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The whole story of the seed, over HTTP against the running platform (real PostgreSQL, Redis,
 * Chromium and an SMTP sink): KS sends the policy to UN, SN and an external party; UN registers,
 * drafts, decides and sends the answer of shared/seeds/UN2025-412-svar-pa-remiss.txt; SN declines;
 * the external party answers through its link; KS follows the statuses and the sammanställning.
 */
describe('the remiss story of the seed', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let unSekreterare: ApiClient;
  let unHandlaggare: ApiClient;
  let snSekreterare: ApiClient;
  let enheter: Record<string, string>;
  let remissId: string;
  let remissDnr: string;
  let handlingId: string;
  const instanser: Record<string, string> = {};
  let svarId: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    [ks, unSekreterare, unHandlaggare, snSekreterare] = await Promise.all(
      [
        'remissansvarig@enkoping.demo',
        'un.sekreterare@enkoping.demo',
        'un.handlaggare@enkoping.demo',
        'sn.sekreterare@enkoping.demo',
      ].map((e) => t.as(e)),
    );
    enheter = Object.fromEntries(
      (await ks.get('/api/organisation')).body.enheter.map((e: { kortnamn: string; id: string }) => [e.kortnamn, e.id]),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('KS creates the remiss, attaches the policy and sends it to UN, SN and Region Uppsala', async () => {
    const diarier = (await ks.get('/api/diarier')).body as { id: string; prefix: string }[];
    const svarsdatum = workingDaysAfter(stockholmDatum(new Date()), 25);
    const skapad = await ks.post('/api/remisser', {
      arendemening: POLICY_TITEL,
      diariumId: diarier.find((d) => d.prefix === 'KS')!.id,
      missiv: 'Kommunstyrelsen har tagit fram ett förslag till policy för digital omställning och önskar synpunkter.',
      svarsdatum,
      kontaktperson: { namn: 'Karin Lind', epost: 'remissansvarig@enkoping.demo' },
      mottagare: [
        { enhetId: enheter.UN },
        { enhetId: enheter.SN },
        { namn: 'Region Uppsala', epost: 'remiss@regionuppsala.example' },
      ],
    });
    expect(skapad.status).toBe(201);
    remissId = skapad.body.id;
    remissDnr = skapad.body.diarienummer;

    const form = new FormData();
    form.append('titel', POLICY_TITEL);
    form.append(
      'fil',
      new Blob([await pdfMedSidor(POLICY_SIDOR.map((s) => s.split('\n')))], { type: 'application/pdf' }),
      'policy.pdf',
    );
    const uppladdad = await ks.post(`/api/remisser/${remissId}/handlingar`, form);
    expect(uppladdad.status).toBe(201);
    handlingId = uppladdad.body.id;

    const skickad = await ks.post(`/api/remisser/${remissId}/skicka`);
    expect(skickad.status).toBe(200);
    const status = await ks.get(`/api/remisser/${remissId}/status`);
    for (const i of status.body.instanser as { namn: string; id: string }[]) instanser[i.namn] = i.id;
    expect(Object.keys(instanser).sort()).toEqual(['Region Uppsala', 'Socialnämnden', 'Utbildningsnämnden']);
    await sink.waitFor(3);
  });

  it('UN finds it in its inkorg and registers it as UN2025/412', async () => {
    const inkorg = await unSekreterare.get(`/api/enheter/${enheter.UN}/inkorg`);
    expect(inkorg.body.items).toContainEqual(
      expect.objectContaining({ remissId, avsandarDiarienummer: remissDnr, status: 'inbjuden', forsenad: false }),
    );
    const res = await unSekreterare.post(`/api/remissinstanser/${instanser.Utbildningsnämnden}/registrera`, {
      diarienummer: 'UN2025/412',
    });
    expect(res.body).toMatchObject({ status: 'registrerad', mottagareDiarienummer: 'UN2025/412' });
  });

  it('UN drafts the answer of the seed, quoting page 5 of the policy, decides and sends it', async () => {
    const handlingar = (await unHandlaggare.get(`/api/remisser/${remissId}/handlingar`)).body as {
      id: string;
      titel: string;
    }[];
    expect(handlingar.map((h) => h.titel)).toEqual([POLICY_TITEL]);
    expect(handlingar[0].id).toBe(handlingId);
    const utkast = await unHandlaggare.post(
      `/api/remissinstanser/${instanser.Utbildningsnämnden}/remissvar`,
      unSvar(handlingar[0].id),
    );
    expect(utkast.status).toBe(201);
    svarId = utkast.body.id;
    expect((await ks.get(`/api/remissvar/${svarId}`)).status).toBe(404);
    expect((await unHandlaggare.post(`/api/remissvar/${svarId}/for-beslut`)).status).toBe(200);
    expect(
      (
        await unSekreterare.post(`/api/remissvar/${svarId}/beslut`, {
          typ: 'namndbeslut',
          sammantradesdatum: '2025-04-23',
          paragraf: '45',
        })
      ).status,
    ).toBe(200);
    const skickat = await unSekreterare.post(`/api/remissvar/${svarId}/expediera`);
    expect(skickat.body).toMatchObject({ status: 'expedierat' });

    const pdf = await ks.get(`/api/remissvar/${svarId}/pdf`);
    expect(pdf.headers.get('content-disposition')).toContain(`${remissDnr.replace('/', '-')}-Utbildningsnamnden.pdf`);
    const text = enRad(await pdfText(pdf.body));
    for (const stycke of [...SEED_STYCKEN, 'UN2025/412', remissDnr]) expect(text).toContain(enRad(stycke));
  });

  it('SN declines', async () => {
    const res = await snSekreterare.post(`/api/remissinstanser/${instanser.Socialnämnden}/avsta`, {
      motivering: 'Socialnämnden avstår från att yttra sig.',
    });
    expect(res.body).toMatchObject({ typ: 'avstar', status: 'expedierat' });
  });

  it('Region Uppsala answers with a PDF through its personal link', async () => {
    const inbjudan = sink.received.find((m) => m.to.includes('remiss@regionuppsala.example'))!;
    const lank = personligToken(inbjudan.text);
    const anonym = t.anonymous();
    expect((await anonym.get(`/api/extern/${lank}`)).status).toBe(200);
    const form = new FormData();
    form.append(
      'fil',
      new Blob([await pdfMedSidor([['Region Uppsala tillstyrker förslaget.']])], { type: 'application/pdf' }),
      'svar.pdf',
    );
    expect((await anonym.post(`/api/extern/${lank}/svar`, form)).status).toBe(201);
  });

  it('KS sees every instans answered and the sammanställning groups UN:s two quotations under page 5', async () => {
    const status = await ks.get(`/api/remisser/${remissId}/status`);
    const perInstans = Object.fromEntries(
      (status.body.instanser as { namn: string; status: string }[]).map((i) => [i.namn, i.status]),
    );
    expect(perInstans).toEqual({
      Utbildningsnämnden: 'besvarad',
      Socialnämnden: 'avstar',
      'Region Uppsala': 'besvarad',
    });
    expect(status.body.instanser).toContainEqual(
      expect.objectContaining({ namn: 'Utbildningsnämnden', diarienummer: 'UN2025/412' }),
    );

    const sammanstallning = await ks.get(`/api/remisser/${remissId}/sammanstallning`);
    expect(sammanstallning.status).toBe(200);
    const sida5 = sammanstallning.body.avsnitt.find((a: { sida: number }) => a.sida === 5);
    const citat = sida5.synpunkter.filter(
      (s: { instans: string; citat?: unknown }) => s.instans === 'Utbildningsnämnden' && s.citat,
    );
    expect(citat.map((s: { citat: { text: string } }) => s.citat.text)).toEqual([
      unSvar(handlingId).synpunkter[1].citat,
      unSvar(handlingId).synpunkter[2].citat,
    ]);
    expect(sammanstallning.body.avstod).toEqual(['Socialnämnden']);

    const mails = (await sink.waitFor(5)).map((m) => m.subject);
    expect(mails).toEqual(
      expect.arrayContaining([
        `${remissDnr} Utbildningsnämnden i Enköpings kommun har svarat: ${POLICY_TITEL}`,
        `${remissDnr} Socialnämnden i Enköpings kommun avstår: ${POLICY_TITEL}`,
      ]),
    );
    expect(mails.every((subject) => subject.startsWith(remissDnr))).toBe(true);
  });
});
