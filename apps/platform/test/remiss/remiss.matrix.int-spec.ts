import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDatum } from '@app/core';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { sql } from '@app/database/testing/test-infrastructure';
import { forstaGiltigaSvarsdatum, pdfForm, remissUtkast } from '@app/remiss/testing/remiss-fixture';

/**
 * Every endpoint of the sender's side and of the external links × every role, an anonymous caller
 * and a user of the other tenant (Vadstena). Each row runs the refused callers first and the
 * allowed one (remissansvarig) last, so a row's one real state change cannot affect what the
 * refused callers meet. Rows run in order: `skicka` sends the remiss later rows follow up.
 */
const CALLERS = [
  'namndsekreterare',
  'handlaggare',
  'registrator',
  'admin',
  'anonym',
  'vadstena',
  'remissansvarig',
] as const;
type Caller = (typeof CALLERS)[number];
const EPOST: Record<Exclude<Caller, 'anonym'>, string> = {
  remissansvarig: 'remissansvarig@enkoping.demo',
  namndsekreterare: 'un.sekreterare@enkoping.demo',
  handlaggare: 'un.handlaggare@enkoping.demo',
  registrator: 'registrator@enkoping.demo',
  admin: 'admin@enkoping.demo',
  vadstena: 'remissansvarig@vadstena.demo',
};

interface Ids {
  utkast: string;
  handling: string;
  attTaBort: { remiss: string; handling: string };
  attSkicka: string;
  attAterkalla: string;
  instans: string;
  extern: string;
  enhetUN: string;
  /** The sent missiv's arkivhandling, once `skicka` has run. */
  arkivhandling: string;
  diariumUN: string;
  sandlista: string;
}

type Expected = Record<Caller, number>;
/** Needs the role remissansvarig; another tenant's remiss is a 404 (or its own collection for `vadstena`). */
const avsandare = (ok: number, vadstena = 404): Expected => ({
  namndsekreterare: 403,
  handlaggare: 403,
  registrator: 403,
  admin: 403,
  anonym: 401,
  vadstena,
  remissansvarig: ok,
});
/** Any user of the sending organisation reads it; another tenant gets 404. */
const lasare = (ok: number): Expected => ({
  namndsekreterare: ok,
  handlaggare: ok,
  registrator: ok,
  admin: ok,
  anonym: 401,
  vadstena: 404,
  remissansvarig: ok,
});
/** The archive is the registrator's; another tenant's arkivhandling is a 404. */
const registratorn = (ok: number): Expected => ({
  namndsekreterare: 403,
  handlaggare: 403,
  registrator: ok,
  admin: 403,
  anonym: 401,
  vadstena: 404,
  remissansvarig: 403,
});
/** The e-arkiv export: the registrator's (Vadstena's demo has none, so its users are refused by role). */
const exporterande = (ok: number): Expected => ({ ...avsandare(403, 403), remissansvarig: 403, registrator: ok });
/** A personal link is the same for everyone, signed in or not. */
const publik = (code: number): Expected => Object.fromEntries(CALLERS.map((c) => [c, code])) as Expected;

type Body = (ids: Ids) => Promise<unknown> | unknown;
type Row = [
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: (ids: Ids) => string,
  body: Body | undefined,
  expected: Expected,
];

const pdf = async () => pdfForm(await pdfMedSidor([['Bilaga']]), 'bilaga.pdf');
const OKAND = 'A'.repeat(43);
const OKANT_ID = '00000000-0000-4000-8000-000000000000';
const INGEN_SYNPUNKT = '00000000-0000-4000-8000-000000000000';

const MATRIX: Row[] = [
  [
    'POST',
    () => '/api/remisser',
    () => ({ arendemening: 'Matris', svarsdatum: forstaGiltigaSvarsdatum() }),
    avsandare(201, 201),
  ],
  ['GET', () => '/api/remissmottagare', undefined, avsandare(200, 200)],
  ['GET', () => '/api/remisser?status=utkast&page=1&pageSize=10', undefined, avsandare(200, 200)],
  ['GET', (i) => `/api/remisser/${i.utkast}`, undefined, lasare(200)],
  ['PATCH', (i) => `/api/remisser/${i.utkast}`, () => ({ missiv: 'Ny text' }), avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.utkast}/status`, undefined, avsandare(200)],
  ['POST', (i) => `/api/remisser/${i.utkast}/handlingar`, pdf, avsandare(201)],
  ['GET', (i) => `/api/remisser/${i.utkast}/handlingar`, undefined, lasare(200)],
  ['GET', (i) => `/api/remisser/${i.utkast}/handlingar/${i.handling}/fil`, undefined, lasare(200)],
  [
    'DELETE',
    (i) => `/api/remisser/${i.attTaBort.remiss}/handlingar/${i.attTaBort.handling}`,
    undefined,
    avsandare(204),
  ],
  // The utkast's recipients step by step, sändlistor, order of handlingar, the summary and the missiv's preview.
  [
    'POST',
    (i) => `/api/remisser/${i.utkast}/mottagare`,
    () => ({ mottagare: [{ namn: 'Heby kommun', epost: 'kommun@heby.se' }] }),
    avsandare(200),
  ],
  ['POST', (i) => `/api/remisser/${i.utkast}/mottagare/enheter`, (i) => ({ enhetIds: [i.enhetUN] }), avsandare(200)],
  ['POST', (i) => `/api/remisser/${i.utkast}/mottagare/import`, () => ({ text: 'Tierp;t@tierp.se' }), avsandare(200)],
  ['DELETE', (i) => `/api/remisser/${i.utkast}/mottagare/t@tierp.se`, undefined, avsandare(204)],
  ['POST', (i) => `/api/remisser/${i.utkast}/sandlista`, () => ({ namn: 'Matrisens lista' }), avsandare(201)],
  ['GET', () => '/api/sandlistor', undefined, avsandare(200, 200)],
  [
    'POST',
    () => '/api/sandlistor',
    (i) => ({ namn: 'Nämnderna', mottagare: [{ enhetId: i.enhetUN }] }),
    avsandare(201, 201),
  ],
  [
    'POST',
    (i) => `/api/remisser/${i.utkast}/mottagare/sandlista`,
    (i) => ({ sandlistaId: i.sandlista }),
    avsandare(200),
  ],
  ['DELETE', (i) => `/api/sandlistor/${i.sandlista}`, undefined, avsandare(204)],
  [
    'POST',
    (i) => `/api/remisser/${i.utkast}/handlingar/${i.handling}/flytta`,
    () => ({ riktning: 'upp' }),
    avsandare(204),
  ],
  ['GET', (i) => `/api/remisser/${i.utkast}/skicka`, undefined, avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.utkast}/missiv/forhandsvisning`, undefined, avsandare(200)],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/skicka`, undefined, avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.attSkicka}/missiv`, undefined, lasare(200)],
  ['GET', (i) => `/api/arkiv/${i.arkivhandling}`, undefined, registratorn(200)],
  ['POST', (i) => `/api/arkiv/${i.arkivhandling}/verifiera`, undefined, registratorn(200)],
  ['GET', (i) => `/api/arkiv/${i.arkivhandling}/original.pdf`, undefined, registratorn(200)],
  [
    'POST',
    (i) => `/api/remisser/${i.attSkicka}/instanser/${i.instans}/anstand`,
    () => ({ svarsdatum: '2031-06-16', orsak: 'Sammanträde' }),
    avsandare(200),
  ],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/instanser/${i.extern}/lank/aterkalla`, undefined, avsandare(200)],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/instanser/${i.extern}/lank`, undefined, avsandare(200)],
  ['GET', () => `/api/extern/${OKAND}`, undefined, publik(404)],
  ['GET', (i) => `/api/extern/${OKAND}/handlingar/${i.handling}`, undefined, publik(404)],
  ['GET', () => `/api/extern/${OKAND}/missiv`, undefined, publik(404)],
  ['POST', () => `/api/extern/${OKAND}/svar`, pdf, publik(404)],
  ['POST', () => `/api/extern/${OKAND}/avstar`, () => ({}), publik(404)],
  ['GET', (i) => `/api/remisser/${i.attSkicka}/instanser/${i.extern}/svar.pdf`, undefined, avsandare(404)],
  // Following a sent remiss (#14).
  ['GET', (i) => `/api/remisser/${i.attSkicka}/uppfoljning`, undefined, avsandare(200)],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/instanser/${i.instans}/paminn`, undefined, avsandare(200)],
  [
    'POST',
    (i) => `/api/remisser/${i.attSkicka}/instanser`,
    () => ({ namn: 'Glömd förening', epost: 'glomd@example.se' }),
    avsandare(201),
  ],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/komplettering`, pdf, avsandare(201)],
  [
    'POST',
    (i) => `/api/remisser/${i.attSkicka}/instanser/${i.instans}/mottaget-svar`,
    async () => {
      const form = await pdf();
      form.append('typ', 'svar');
      form.append('inkom', stockholmDatum(new Date()));
      return form;
    },
    avsandare(200),
  ],
  ['POST', (i) => `/api/remisser/${i.attSkicka}/avsluta`, undefined, avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.attSkicka}/sammanstallning`, undefined, avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.attSkicka}/sammanstallning.csv`, undefined, avsandare(200)],
  ['GET', (i) => `/api/remisser/${i.attSkicka}/sammanstallning.pdf`, undefined, avsandare(200)],
  // Compiling (#14): the role is checked before the synpunkt is looked up; this one is no synpunkt of the
  // remiss (the real recordings are sammanstallning.int-spec's and the page story's).
  [
    'GET',
    (i) => `/api/remisser/${i.attSkicka}/synpunkter/${INGEN_SYNPUNKT}/stallningstagande`,
    undefined,
    avsandare(404),
  ],
  [
    'POST',
    (i) => `/api/remisser/${i.attSkicka}/synpunkter/${INGEN_SYNPUNKT}/stallningstagande`,
    () => ({ beslut: 'noteras' }),
    avsandare(404),
  ],
  ['POST', (i) => `/api/remisser/${i.attAterkalla}/aterkalla`, () => ({ orsak: 'Dras tillbaka' }), avsandare(200)],
  // The e-arkiv export (libs/archive/src/export): an empty selection is refused before a row is written.
  ['GET', () => '/api/earkiv/exporter', undefined, exporterande(200)],
  [
    'POST',
    () => '/api/earkiv/exporter',
    (i) => ({ diariumId: i.diariumUN, fran: '2001-01-01', till: '2001-12-31' }),
    exporterande(422),
  ],
  ['GET', () => `/api/earkiv/exporter/${OKANT_ID}`, undefined, exporterande(404)],
  ['GET', () => `/api/earkiv/exporter/${OKANT_ID}/paket`, undefined, exporterande(404)],
];

describe('endpoint × role matrix of the sender side and the external links', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ids: Ids;
  const clients = {} as Record<Caller, ApiClient>;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    for (const c of CALLERS) clients[c] = c === 'anonym' ? t.anonymous() : await t.as(EPOST[c]);
    const ks = clients.remissansvarig;
    const [{ un }] = await sql(t.db.url, `SELECT id AS un FROM enhet WHERE kortnamn = 'UN'`);
    const [{ diarium }] = await sql(t.db.url, `SELECT diarium_id AS diarium FROM enhet WHERE id = $1`, [un]);
    const utkast = await remissUtkast(ks, 'Utkast', [{ enhetId: un }]);
    const attTaBort = await remissUtkast(ks, 'Att ta bort handling ur', [{ enhetId: un }]);
    const attSkicka = await remissUtkast(ks, 'Att skicka', [
      { enhetId: un },
      { namn: 'Region Uppsala', epost: 'registrator@regionuppsala.se' },
    ]);
    const attAterkalla = await remissUtkast(ks, 'Att återkalla', [{ enhetId: un }]);
    ids = {
      utkast: utkast.id,
      handling: utkast.handlingId,
      attTaBort: { remiss: attTaBort.id, handling: attTaBort.handlingId },
      attSkicka: attSkicka.id,
      attAterkalla: attAterkalla.id,
      instans: '',
      extern: '',
      enhetUN: un,
      arkivhandling: '',
      diariumUN: diarium,
      sandlista: (await ks.post('/api/sandlistor', { namn: 'Länets kommuner', mottagare: [{ enhetId: un }] })).body
        .id as string,
    };
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it.each(
    MATRIX.map(
      (row) =>
        [
          `${row[0]} ${row[1]({ utkast: ':id', handling: ':hid', attTaBort: { remiss: ':id', handling: ':hid' }, attSkicka: ':id', attAterkalla: ':id', instans: ':iid', extern: ':iid', enhetUN: ':eid', arkivhandling: ':aid', diariumUN: ':did', sandlista: ':sid' })}`,
          row,
        ] as const,
    ),
  )(
    '%s',
    async (_name, [method, path, body, expected]) => {
      // The instanser exist once `skicka` has run.
      if (!ids.instans && method === 'POST' && path(ids).includes('/anstand')) {
        const rows = await sql(t.db.url, `SELECT id, extern_epost FROM remissinstans WHERE remiss_id = $1`, [
          ids.attSkicka,
        ]);
        ids.instans = rows.find((r) => !r.extern_epost).id;
        ids.extern = rows.find((r) => r.extern_epost).id;
      }
      if (!ids.arkivhandling && path(ids).startsWith('/api/arkiv/')) {
        const [missiv] = await sql(t.db.url, `SELECT id FROM arkivhandling WHERE metadata->>'dokumenttyp' = 'missiv'`);
        ids.arkivhandling = missiv.id;
      }
      const actual = {} as Expected;
      for (const caller of CALLERS) {
        const payload = body ? await body(ids) : undefined;
        const res = await clients[caller].request(method, path(ids), payload);
        actual[caller] = res.status;
      }
      expect(actual).toEqual(expected);
    },
    30_000,
  );
});
