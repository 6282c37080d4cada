import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';

/**
 * Every endpoint of the nämnd's side × every role, an anonymous caller and a user of the other
 * tenant. The state is chosen so that no call changes anything: UN's answer is expedierat (U),
 * SN's is a draft (S). Callers allowed past the permission checks meet a 409 (the state) instead.
 * Once sent, an answer is visible to the sending enhet (KS), never to another nämnd. The registrator,
 * who holds a role at every enhet, reads the sent answer but no draft, revision or preview (403).
 */
const CALLERS = [
  'remissansvarig',
  'un.sekreterare',
  'un.handlaggare',
  'registrator',
  'admin',
  'sn.sekreterare',
  'anonym',
  'vadstena',
] as const;
type Caller = (typeof CALLERS)[number];
const EPOST: Record<Exclude<Caller, 'anonym'>, string> = {
  remissansvarig: 'remissansvarig@enkoping.demo',
  'un.sekreterare': 'un.sekreterare@enkoping.demo',
  'un.handlaggare': 'un.handlaggare@enkoping.demo',
  registrator: 'registrator@enkoping.demo',
  admin: 'admin@enkoping.demo',
  'sn.sekreterare': 'sn.sekreterare@enkoping.demo',
  vadstena: 'remissansvarig@vadstena.demo',
};

interface Ids {
  un: string;
  unInstans: string;
  sn: string;
  demo: DemoRemiss;
}

type Row = [
  method: 'GET' | 'POST' | 'PUT',
  path: (ids: Ids) => string,
  body: ((ids: Ids) => unknown) | undefined,
  expected: number[],
  headers?: Record<string, string>,
];

//                                                                                      ansv sek  hand reg  adm  sn   anon vad
const MATRIX: Row[] = [
  ['GET', (i) => `/api/enheter/${i.demo.enheter.UN}/inkorg`, undefined, [403, 200, 200, 200, 403, 403, 401, 404]],
  [
    'POST',
    (i) => `/api/remissinstanser/${i.unInstans}/registrera`,
    () => ({}),
    [403, 409, 403, 409, 403, 403, 401, 404],
  ],
  [
    'POST',
    (i) => `/api/remissinstanser/${i.unInstans}/remissvar`,
    (i) => unSvar(i.demo.remisshandlingId),
    [403, 409, 409, 403, 403, 403, 401, 404],
  ],
  ['POST', (i) => `/api/remissinstanser/${i.unInstans}/avsta`, () => ({}), [403, 409, 403, 403, 403, 403, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.un}`, undefined, [200, 200, 200, 200, 200, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.sn}`, undefined, [404, 404, 404, 403, 404, 200, 401, 404]],
  [
    'PUT',
    (i) => `/api/remissvar/${i.un}`,
    (i) => unSvar(i.demo.remisshandlingId),
    [403, 409, 409, 403, 403, 404, 401, 404],
    { 'if-match': '"999"' },
  ],
  [
    'PUT',
    (i) => `/api/remissvar/${i.sn}`,
    (i) => unSvar(i.demo.remisshandlingId),
    [404, 404, 404, 403, 404, 409, 401, 404],
    { 'if-match': '"999"' },
  ],
  ['GET', (i) => `/api/remissvar/${i.un}/revisioner`, undefined, [403, 200, 200, 403, 403, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.sn}/revisioner`, undefined, [404, 404, 404, 403, 404, 200, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.un}/revisioner/1`, undefined, [403, 200, 200, 403, 403, 404, 401, 404]],
  ['POST', (i) => `/api/remissvar/${i.un}/for-beslut`, undefined, [403, 409, 409, 403, 403, 404, 401, 404]],
  ['POST', (i) => `/api/remissvar/${i.un}/till-utkast`, undefined, [403, 409, 409, 403, 403, 404, 401, 404]],
  [
    'POST',
    (i) => `/api/remissvar/${i.un}/beslut`,
    () => ({ typ: 'namndbeslut', sammantradesdatum: '2025-04-23', paragraf: '45' }),
    [403, 409, 403, 403, 403, 404, 401, 404],
  ],
  [
    'POST',
    (i) => `/api/remissvar/${i.sn}/beslut`,
    () => ({ typ: 'namndbeslut', sammantradesdatum: '2025-04-23', paragraf: '45' }),
    [404, 404, 404, 403, 404, 409, 401, 404],
  ],
  ['POST', (i) => `/api/remissvar/${i.un}/expediera`, undefined, [403, 409, 403, 403, 403, 404, 401, 404]],
  ['POST', (i) => `/api/remissvar/${i.sn}/expediera`, undefined, [404, 404, 404, 403, 404, 409, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.un}/pdf`, undefined, [200, 200, 200, 200, 200, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.sn}/pdf`, undefined, [404, 404, 404, 404, 404, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.un}/docx`, undefined, [200, 200, 200, 200, 200, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.sn}/docx`, undefined, [404, 404, 404, 404, 404, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.un}/forhandsvisning`, undefined, [403, 200, 200, 403, 403, 404, 401, 404]],
  ['GET', (i) => `/api/remissvar/${i.sn}/forhandsvisning`, undefined, [404, 404, 404, 403, 404, 200, 401, 404]],
];

describe('endpoint × role matrix of the nämnd side', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ids: Ids;
  const clients = {} as Record<Caller, ApiClient>;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    const demo = await demoRemissMedHandling(t.db.url);
    for (const caller of CALLERS) clients[caller] = caller === 'anonym' ? t.anonymous() : await t.as(EPOST[caller]);
    const un = clients['un.sekreterare'];
    await un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    const svar = (await un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId)))
      .body;
    await un.post(`/api/remissvar/${svar.id}/for-beslut`);
    await un.post(`/api/remissvar/${svar.id}/beslut`, {
      typ: 'delegationsbeslut',
      delegatNamn: 'Per Ås',
      beslutsdatum: '2025-04-23',
    });
    expect((await un.post(`/api/remissvar/${svar.id}/expediera`)).status).toBe(200);
    const sn = clients['sn.sekreterare'];
    await sn.post(`/api/remissinstanser/${demo.instanser.SN}/registrera`, {});
    const utkast = (
      await sn.post(`/api/remissinstanser/${demo.instanser.SN}/remissvar`, {
        inledning: 'Utkast.',
        synpunkter: [],
        avslutning: '',
      })
    ).body;
    ids = { un: svar.id, unInstans: demo.instanser.UN, sn: utkast.id, demo };
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('answers every endpoint for every caller with the expected status', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected, headers] of MATRIX) {
      for (const [n, caller] of CALLERS.entries()) {
        const res = await clients[caller].request(method, path(ids), body?.(ids), headers);
        got.push(`${method} ${path(ids)} as ${caller}: ${res.status}`);
        want.push(`${method} ${path(ids)} as ${caller}: ${expected[n]}`);
      }
    }
    expect(got).toEqual(want);
  });
});
