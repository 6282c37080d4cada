import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { ExternLankService } from '@app/lankar';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { DataSource } from 'typeorm';
import { Webbklient } from '@app/web/testing/webbklient';
import { PlatformModule } from '../../src/platform.module';

/** The demo users the matrix signs in as (README's table). */
const ANVANDARE = {
  remissansvarig: 'remissansvarig@enkoping.demo',
  unSekreterare: 'un.sekreterare@enkoping.demo',
  unHandlaggare: 'un.handlaggare@enkoping.demo',
  snSekreterare: 'sn.sekreterare@enkoping.demo',
  registrator: 'registrator@enkoping.demo',
  admin: 'admin@enkoping.demo',
  vadstena: 'remissansvarig@vadstena.demo',
} as const;
type Vem = keyof typeof ANVANDARE;

/** What a user gets on a page: the page, a 403 page, a 404 page (another organisation's or enhet's object). */
type Utfall = 200 | 403 | 404;

interface Rad {
  sida: string;
  /** The path, given what the suite seeded. */
  path: (f: Fixtur) => string;
  /** Every signed-in user's outcome; anonymous always goes to sign-in with the way back. */
  utfall: Record<Vem, Utfall>;
  /** The page is a file (a PDF, or the media type given): allowed, it is that file; refused, a Swedish page as any other. */
  fil?: true | string;
}

/** What the rows need to name objects; sections add what their pages show. */
interface Fixtur {
  t: TestApp;
  /** The demo remiss KS2025/118 with its handling: UN's instans is the nämnd pages' object. */
  demo: DemoRemiss;
  /** UN's remissinstans of the demo remiss, registered, with a draft answer (version 1). */
  unInstans: string;
  /** An external instans' personal link (its page's path) and a handling it shows. */
  extern: { lank: string; handlingId: string };
  /** The missiv of the remiss sent for the external link, archived at send. */
  arkivhandling: string;
  /** UN's ärende of the demo remiss in the diarium (its registrering opened it). */
  unArende: string;
  /** An e-arkiv export of UN's diarium (the registrator's pages). */
  exportId: string;
  /** Accounts (#16): a user of Enköping, whose page the admin opens. */
  enkopingAnvandare: string;
  /** A synpunkt of SN's expedierat answer to the demo remiss: the sammanställning's object. */
  synpunkt: string;
  /** An utkast of Enköping's KS with one handling: the sender's pages' object. */
  utkast: {
    id: string;
    handlingId: string;
  };
  /** An enhet of Vadstena: another organisation's, for the admin's enhet page. */
  vadstenaEnhet: string;
}

/** SN's answer to the demo remiss as expediering leaves it, with one synpunkt (the sammanställning's pages). */
async function expedieratSvar(t: TestApp, demo: DemoRemiss): Promise<string> {
  const [rv] = await sql(
    t.db.url,
    `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, expedierad_at, stallning)
     SELECT mottagare_organisation_id, mottagare_enhet_id, id, 'expedierat', 'Svar på remiss', now(), 'tillstyrker'
       FROM remissinstans WHERE id = $1 RETURNING id`,
    [demo.instanser.SN],
  );
  await sql(t.db.url, `UPDATE remissinstans SET status = 'besvarad', besvarad_at = now() WHERE id = $1`, [
    demo.instanser.SN,
  ]);
  const [s] = await sql(
    t.db.url,
    `INSERT INTO synpunkt (remissvar_id, ordning, typ, text, fotnoter) VALUES ($1, 1, 'medhall', 'Socialnämnden instämmer.', '[]') RETURNING id`,
    [rv.id],
  );
  return s.id;
}

/** A remiss sent to an external instans, and a link for it made where links are made. */
async function externLank(t: TestApp): Promise<Fixtur['extern']> {
  const ks = await t.as(ANVANDARE.remissansvarig);
  const remiss = await remissUtkast(ks, 'Förslag till matrisens policy', [
    { namn: 'Region Uppsala', epost: 'r@example.se' },
  ]);
  if ((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status !== 200) throw new Error('send failed');
  const [instans] = await sql(
    t.db.url,
    `SELECT id, organisation_id, svarsdatum::text FROM remissinstans WHERE remiss_id = $1`,
    [remiss.id],
  );
  const { url } = await t.app.get(DataSource).transaction((m) =>
    t.app.get(ExternLankService).issue(m, {
      organisationId: instans.organisation_id,
      remissinstansId: instans.id,
      svarsdatum: instans.svarsdatum,
    }),
  );
  return { lank: new URL(url).pathname, handlingId: remiss.handlingId };
}

const alla = (u: Utfall): Record<Vem, Utfall> =>
  Object.fromEntries(Object.keys(ANVANDARE).map((v) => [v, u])) as Record<Vem, Utfall>;

/**
 * The nämnd's pages: for its nämndsekreterare and handläggare; 403 without a nämnd role at the chosen
 * enhet (KS' users; the registrator's pages come with its issue), 404 for another nämnd's instans or
 * another organisation's. Registrera and avstå are the nämndsekreterare's.
 */
const NAMND: Record<Vem, Utfall> = {
  remissansvarig: 403,
  unSekreterare: 200,
  unHandlaggare: 200,
  snSekreterare: 404,
  registrator: 403,
  admin: 403,
  vadstena: 404,
};
const unInstans = (f: Fixtur) => `/inkorg/${f.demo.instanser.UN}`;
/** A page of UN's answer: a 404 for everyone without a role at UN (drafts stay inside the nämnd); at UN, the role decides. */
const vidUN = (unSekreterare: Utfall, unHandlaggare: Utfall, registrator: Utfall): Pick<Rad, 'utfall'> => ({
  utfall: { ...alla(404), unSekreterare, unHandlaggare, registrator },
});

/** The sender's pages: for a remissansvarig (403 for every other role), another organisation's utkast a 404. */
const AVSANDARE: Record<Vem, Utfall> = { ...alla(403), remissansvarig: 200, vadstena: 404 };
const utkast = (f: Fixtur) => `/remisser/${f.utkast.id}`;
const demoRemiss = (f: Fixtur) => `/remisser/${f.demo.remissId}`;
/** The admin's pages: 200 for the admin, a 403 page for every other role. */
const ADMIN: Record<Vem, Utfall> = { ...alla(403), admin: 200 };

/** Every page, by role: each section adds its rows here. */
const RADER: Rad[] = [
  { sida: 'enhetsval', path: () => '/valj-enhet', utfall: alla(200) },
  { sida: 'inkorg', path: () => '/inkorg', utfall: { ...NAMND, snSekreterare: 200, vadstena: 403 } },
  { sida: 'instans', path: unInstans, utfall: NAMND },
  { sida: 'registrera', path: (f) => `${unInstans(f)}/registrera`, utfall: { ...NAMND, unHandlaggare: 403 } },
  { sida: 'avstå', path: (f) => `${unInstans(f)}/avsta`, utfall: { ...NAMND, unHandlaggare: 403 } },
  {
    sida: 'handlingens text',
    path: (f) => `${unInstans(f)}/handlingar/${f.demo.remisshandlingId}`,
    utfall: NAMND,
  },
  {
    sida: 'handlingens PDF',
    path: (f) => `${unInstans(f)}/handlingar/${f.demo.remisshandlingId}/pdf`,
    utfall: NAMND,
    fil: true,
  },
  // The answer's pages: writing needs namndsekreterare or handläggare, the history and preview a preparing role at UN
  // (the API's LASA_UTKAST: never the registrator, who reads no drafts), beslut and expediering the sekreterare.
  { sida: 'svar, editor', path: (f) => `/inkorg/${f.unInstans}/svar`, ...vidUN(200, 200, 403) },
  { sida: 'svar, historik', path: (f) => `/inkorg/${f.unInstans}/svar/historik`, ...vidUN(200, 200, 403) },
  { sida: 'svar, en version', path: (f) => `/inkorg/${f.unInstans}/svar/historik/1`, ...vidUN(200, 200, 403) },
  {
    sida: 'svar, förhandsvisning',
    path: (f) => `/inkorg/${f.unInstans}/svar/forhandsvisning`,
    ...vidUN(200, 200, 403),
    fil: true,
  },
  { sida: 'svar, för beslut', path: (f) => `/inkorg/${f.unInstans}/svar/for-beslut`, ...vidUN(200, 200, 403) },
  { sida: 'svar, beslut', path: (f) => `/inkorg/${f.unInstans}/svar/beslut`, ...vidUN(200, 403, 403) },
  { sida: 'svar, expediera', path: (f) => `/inkorg/${f.unInstans}/svar/expediera`, ...vidUN(200, 403, 403) },
  // The archive: the registrator's, anywhere in its organisation; another organisation's arkivhandling is a 404.
  {
    sida: 'arkivhandling',
    path: (f) => `/diarium/arkiv/${f.arkivhandling}`,
    utfall: { ...alla(403), registrator: 200, vadstena: 404 },
  },
  {
    sida: 'arkivhandling, original',
    path: (f) => `/diarium/arkiv/${f.arkivhandling}/original.pdf`,
    utfall: { ...alla(403), registrator: 200, vadstena: 404 },
    fil: true,
  },
  // The diarium: searched and extracted by a registrator; an ärende read by anyone of the organisation
  // (sekretess hides what it must); kept by hand by a registrator or nämndsekreterare at its enhet.
  { sida: 'diarium', path: () => '/diarium', utfall: { ...alla(403), registrator: 200 } },
  {
    sida: 'diarium, CSV',
    path: () => '/diarium/export.csv',
    utfall: { ...alla(403), registrator: 200 },
    fil: 'text/csv; charset=utf-8',
  },
  { sida: 'diarium, ärende', path: (f) => `/diarium/arenden/${f.unArende}`, utfall: { ...alla(200), vadstena: 404 } },
  {
    sida: 'diarium, registrera handling',
    path: (f) => `/diarium/arenden/${f.unArende}/registrera`,
    utfall: { ...alla(403), registrator: 200, unSekreterare: 200, vadstena: 404 },
  },
  {
    sida: 'diarium, avsluta',
    path: (f) => `/diarium/arenden/${f.unArende}/avsluta`,
    utfall: { ...alla(403), registrator: 200, unSekreterare: 200, vadstena: 404 },
  },
  { sida: 'diarier (admin)', path: () => '/admin/diarier', utfall: { ...alla(403), admin: 200 } },
  // The e-arkiv export: the registrator's (403 without that role; another organisation's export is a 404, in its int-spec).
  { sida: 'e-arkivexport', path: () => '/diarium/export', utfall: { ...alla(403), registrator: 200 } },
  {
    sida: 'en e-arkivexport',
    path: (f) => `/diarium/export/${f.exportId}`,
    utfall: { ...alla(403), registrator: 200 },
  },
  // Accounts (#16): the admin's users (any admin role of the organisation), the operator's pages (no demo user
  // here is the operator: see its own test below), and one's own password.
  { sida: 'användare', path: () => '/admin/anvandare', utfall: { ...alla(403), admin: 200 } },
  { sida: 'bjud in', path: () => '/admin/anvandare/ny', utfall: { ...alla(403), admin: 200 } },
  {
    sida: 'en användare',
    path: (f) => `/admin/anvandare/${f.enkopingAnvandare}`,
    utfall: { ...alla(403), admin: 200 },
  },
  {
    sida: 'inaktivera användare',
    path: (f) => `/admin/anvandare/${f.enkopingAnvandare}/inaktivera`,
    utfall: { ...alla(403), admin: 200 },
  },
  { sida: 'organisationer', path: () => '/drift/organisationer', utfall: alla(403) },
  { sida: 'ny organisation', path: () => '/drift/organisationer/ny', utfall: alla(403) },
  { sida: 'byt lösenord', path: () => '/konto/losenord', utfall: alla(200) },
  // The sammanställning (#14): the sending enhet's remissansvarig; another role of the organisation a 403, another organisation a 404.
  { sida: 'sammanställning', path: (f) => `/remisser/${f.demo.remissId}/sammanstallning`, utfall: AVSANDARE },
  {
    sida: 'sammanställning, PDF',
    path: (f) => `/remisser/${f.demo.remissId}/sammanstallning.pdf`,
    utfall: AVSANDARE,
    fil: true,
  },
  {
    sida: 'sammanställning, CSV',
    path: (f) => `/remisser/${f.demo.remissId}/sammanstallning.csv`,
    utfall: AVSANDARE,
    fil: 'text/csv; charset=utf-8',
  },
  {
    sida: 'sammanställning, ställningstagande',
    path: (f) => `/remisser/${f.demo.remissId}/sammanstallning/synpunkter/${f.synpunkt}`,
    utfall: AVSANDARE,
  },
  // The remissansvarig's remisser: the list and a new one are Vadstena's own too.
  { sida: 'remisser', path: () => '/remisser', utfall: { ...AVSANDARE, vadstena: 200 } },
  { sida: 'ny remiss', path: () => '/remisser/ny', utfall: { ...AVSANDARE, vadstena: 200 } },
  { sida: 'utkast, uppgifter', path: utkast, utfall: AVSANDARE },
  { sida: 'utkast, mottagare', path: (f) => `${utkast(f)}/mottagare`, utfall: AVSANDARE },
  { sida: 'utkast, handlingar', path: (f) => `${utkast(f)}/handlingar`, utfall: AVSANDARE },
  {
    sida: 'utkast, en handlings PDF',
    path: (f) => `${utkast(f)}/handlingar/${f.utkast.handlingId}/pdf`,
    utfall: AVSANDARE,
    fil: true,
  },
  { sida: 'utkast, missivets förhandsvisning', path: (f) => `${utkast(f)}/missiv`, utfall: AVSANDARE, fil: true },
  { sida: 'utkast, granska och skicka', path: (f) => `${utkast(f)}/skicka`, utfall: AVSANDARE },
  // Following a sent remiss (its status page and the forms of its actions).
  { sida: 'remissens status', path: (f) => `${demoRemiss(f)}/status`, utfall: AVSANDARE },
  { sida: 'anstånd', path: (f) => `${demoRemiss(f)}/instanser/${f.unInstans}/anstand`, utfall: AVSANDARE },
  { sida: 'personlig länk', path: (f) => `${demoRemiss(f)}/instanser/${f.unInstans}/lank`, utfall: AVSANDARE },
  {
    sida: 'svar som kommit in',
    path: (f) => `${demoRemiss(f)}/instanser/${f.unInstans}/mottaget-svar`,
    utfall: AVSANDARE,
  },
  { sida: 'lägg till remissinstans', path: (f) => `${demoRemiss(f)}/instanser/ny`, utfall: AVSANDARE },
  { sida: 'lägg till handling', path: (f) => `${demoRemiss(f)}/komplettering`, utfall: AVSANDARE },
  { sida: 'återkalla', path: (f) => `${demoRemiss(f)}/aterkalla`, utfall: AVSANDARE },
  { sida: 'avsluta', path: (f) => `${demoRemiss(f)}/avsluta`, utfall: AVSANDARE },
  // The organisation admin's pages: the admin's only; another organisation's enhet is a 404 to it.
  { sida: 'admin', path: () => '/admin', utfall: ADMIN },
  { sida: 'admin, enheter', path: () => '/admin/enheter', utfall: ADMIN },
  { sida: 'admin, ny enhet', path: () => '/admin/enheter/ny', utfall: ADMIN },
  { sida: 'admin, en enhet', path: (f) => `/admin/enheter/${f.demo.enheter.UN}`, utfall: ADMIN },
  {
    sida: 'admin, annan organisations enhet',
    path: (f) => `/admin/enheter/${f.vadstenaEnhet}`,
    utfall: { ...alla(403), admin: 404 },
  },
  { sida: 'admin, brevhuvud', path: () => '/admin/brevhuvud', utfall: ADMIN },
  { sida: 'admin, emblem', path: () => '/admin/brevhuvud/emblem', utfall: ADMIN },
  { sida: 'admin, förhandsvisning', path: () => '/admin/brevhuvud/forhandsvisning', utfall: ADMIN, fil: true },
  { sida: 'admin, påminnelser', path: () => '/admin/paminnelser', utfall: ADMIN },
  { sida: 'admin, kopplingar', path: () => '/admin/kopplingar', utfall: ADMIN },
];

describe('pages by role (anonymous → sign-in; wrong role → 403 page; another organisation → 404 page)', () => {
  let t: TestApp;
  let fixtur: Fixtur;
  const klienter = new Map<Vem, Webbklient>();

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    const demo = await demoRemissMedHandling(t.db.url);
    const un = await t.as('un.sekreterare@enkoping.demo');
    await un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    expect(
      (await un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId))).status,
    ).toBe(201);
    const extern = await externLank(t);
    const [missiv] = await sql(t.db.url, `SELECT id FROM arkivhandling WHERE metadata->>'dokumenttyp' = 'missiv'`);
    const [{ arende }] = await sql(t.db.url, `SELECT mottagare_arende_id AS arende FROM remissinstans WHERE id = $1`, [
      demo.instanser.UN,
    ]);
    const [exp] = await sql(
      t.db.url,
      `INSERT INTO earkiv_export (organisation_id, diarium_id, fran, till, objid)
       SELECT organisation_id, diarium_id, '2025-01-01', '2025-12-31', 'uuid-0b7c2f9e-5d1a-4c3e-8f6b-9a2d4e1c7b30'
         FROM enhet WHERE id = $1
       RETURNING id`,
      [demo.enheter.UN],
    );
    const [unSekreterare] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = $1`, [ANVANDARE.unSekreterare]);
    const ks = await t.as(ANVANDARE.remissansvarig);
    const nytt = await remissUtkast(ks, 'Förslag till matrisens taxa', [{ enhetId: demo.enheter.UN }]);
    const [vadstenaKs] = await sql(
      t.db.url,
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'vadstena' AND e.kortnamn = 'KS'`,
    );
    fixtur = {
      t,
      demo,
      unInstans: demo.instanser.UN,
      extern,
      arkivhandling: missiv.id,
      unArende: arende,
      exportId: exp.id,
      enkopingAnvandare: unSekreterare.id,
      synpunkt: await expedieratSvar(t, demo),
      utkast: { id: nytt.id, handlingId: nytt.handlingId },
      vadstenaEnhet: vadstenaKs.id,
    };
    for (const [vem, epost] of Object.entries(ANVANDARE))
      klienter.set(vem as Vem, await Webbklient.signIn(t.url, epost));
  });
  afterAll(() => t?.close());

  it.each(RADER.map((r) => [r.sida, r] as const))('%s: anonymous goes to sign-in and back', async (_s, rad) => {
    const path = rad.path(fixtur);
    const svar = await new Webbklient(t.url).get(path);
    expect(svar.status).toBe(303);
    expect(svar.location).toBe(`/logga-in?tillbaka=${encodeURIComponent(path)}`);
  });

  it.each(RADER.map((r) => [r.sida, r] as const))(
    '%s: each role gets its page, or a Swedish 403 or 404 page',
    async (_s, rad) => {
      const path = rad.path(fixtur);
      for (const vem of Object.keys(ANVANDARE) as Vem[]) {
        const svar = await klienter.get(vem)!.get(path);
        const vantat = rad.utfall[vem];
        expect([vem, svar.status]).toEqual([vem, vantat]);
        if (rad.fil && vantat === 200) expect(svar.contentType).toBe(rad.fil === true ? 'application/pdf' : rad.fil);
        else expect(svar.html).toContain('<html lang="sv"');
        if (vantat === 403) expect(svar.titel).toBe('Du har inte behörighet till sidan');
        if (vantat === 404) expect(svar.titel).toBe('Sidan finns inte');
      }
    },
  );

  it('public pages open to anyone', async () => {
    // /utveckling/epost: this app has no SMTP_URL, so it catches its mail and shows it (a 404 wherever it does not).
    for (const path of ['/logga-in', '/tillganglighet', '/utveckling/epost', '/glomt-losenord'])
      expect((await new Webbklient(t.url).get(path)).status).toBe(200);
  });

  it("the platform operator gets the operator's pages, another organisation's user page is a 404, the admin's a 403", async () => {
    const drift = await Webbklient.signIn(t.url, 'drift@remissplattformen.demo');
    for (const path of ['/drift/organisationer', '/drift/organisationer/ny', '/konto/losenord'])
      expect([path, (await drift.get(path)).status]).toEqual([path, 200]);
    for (const path of ['/admin/anvandare', `/admin/anvandare/${fixtur.enkopingAnvandare}`])
      expect([path, (await drift.get(path)).status]).toEqual([path, 403]);
    expect((await drift.get('/')).location).toBe('/drift/organisationer');
    // Vadstena's admin (made here: the demo has none) does not find Enköping's user.
    const [vks] = await sql(
      t.db.url,
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'vadstena' AND e.kortnamn = 'KS'`,
    );
    const [olof] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = 'remissansvarig@vadstena.demo'`);
    await sql(t.db.url, `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll) VALUES ($1, $2, 'admin')`, [
      olof.id,
      vks.id,
    ]);
    const vadstenaAdmin = await Webbklient.signIn(t.url, 'remissansvarig@vadstena.demo');
    const svar = await vadstenaAdmin.get(`/admin/anvandare/${fixtur.enkopingAnvandare}`);
    expect([svar.status, svar.titel]).toEqual([404, 'Sidan finns inte']);
    await sql(t.db.url, `DELETE FROM anvandarroll WHERE anvandare_id = $1 AND roll = 'admin'`, [olof.id]);
  });

  it("an external instans' link opens its pages to whoever holds it, signed in or not; an unknown link is a 404 page", async () => {
    const { lank, handlingId } = fixtur.extern;
    for (const path of [lank, `${lank}/svar`, `${lank}/ladda-upp`, `${lank}/avsta`, `${lank}/handlingar/${handlingId}`])
      for (const klient of [new Webbklient(t.url), klienter.get('vadstena')!]) {
        const svar = await klient.get(path);
        expect([path, svar.status]).toEqual([path, 200]);
      }
    const okand = await new Webbklient(t.url).get(`/svara/${'A'.repeat(43)}`);
    expect([okand.status, okand.titel]).toEqual([404, 'Sidan finns inte']);
    // Another remiss' handling through this link is no page of it.
    const annan = await new Webbklient(t.url).get(`${lank}/handlingar/00000000-0000-4000-8000-000000000000`);
    expect([annan.status, annan.titel]).toEqual([404, 'Sidan finns inte']);
  });
});
