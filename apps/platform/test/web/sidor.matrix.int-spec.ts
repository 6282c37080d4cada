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
  /** The page is a file (a PDF): allowed, it is that file; refused, a Swedish page as any other. */
  fil?: true;
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
  /** An enhet of Vadstena: another organisation's, for the admin's enhet page. */
  vadstenaEnhet: string;
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
  // The answer's pages: writing needs namndsekreterare or handläggare, the history and preview any role at UN
  // (the API's LASA_UTKAST), beslut and expediering the sekreterare.
  { sida: 'svar, editor', path: (f) => `/inkorg/${f.unInstans}/svar`, ...vidUN(200, 200, 403) },
  { sida: 'svar, historik', path: (f) => `/inkorg/${f.unInstans}/svar/historik`, ...vidUN(200, 200, 200) },
  { sida: 'svar, en version', path: (f) => `/inkorg/${f.unInstans}/svar/historik/1`, ...vidUN(200, 200, 200) },
  {
    sida: 'svar, förhandsvisning',
    path: (f) => `/inkorg/${f.unInstans}/svar/forhandsvisning`,
    ...vidUN(200, 200, 200),
    fil: true,
  },
  { sida: 'svar, för beslut', path: (f) => `/inkorg/${f.unInstans}/svar/for-beslut`, ...vidUN(200, 200, 403) },
  { sida: 'svar, beslut', path: (f) => `/inkorg/${f.unInstans}/svar/beslut`, ...vidUN(200, 403, 403) },
  { sida: 'svar, expediera', path: (f) => `/inkorg/${f.unInstans}/svar/expediera`, ...vidUN(200, 403, 403) },
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
    const [vadstenaKs] = await sql(
      t.db.url,
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'vadstena' AND e.kortnamn = 'KS'`,
    );
    fixtur = { t, demo, unInstans: demo.instanser.UN, extern: await externLank(t), vadstenaEnhet: vadstenaKs.id };
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
        if (rad.fil && vantat === 200) expect(svar.contentType).toBe('application/pdf');
        else expect(svar.html).toContain('<html lang="sv"');
        if (vantat === 403) expect(svar.titel).toBe('Du har inte behörighet till sidan');
        if (vantat === 404) expect(svar.titel).toBe('Sidan finns inte');
      }
    },
  );

  it('public pages open to anyone', async () => {
    // /utveckling/epost: this app has no SMTP_URL, so it catches its mail and shows it (a 404 wherever it does not).
    for (const path of ['/logga-in', '/tillganglighet', '/utveckling/epost'])
      expect((await new Webbklient(t.url).get(path)).status).toBe(200);
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
