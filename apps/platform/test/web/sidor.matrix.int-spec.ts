import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { ExternLankService } from '@app/lankar';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
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
}

/** What the rows need to name objects; sections add what their pages show. */
interface Fixtur {
  t: TestApp;
  /** An external instans' personal link (its page's path) and a handling it shows. */
  extern: { lank: string; handlingId: string };
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

/** Every page, by role: each section adds its rows here. */
const RADER: Rad[] = [{ sida: 'enhetsval', path: () => '/valj-enhet', utfall: alla(200) }];

describe('pages by role (anonymous → sign-in; wrong role → 403 page; another organisation → 404 page)', () => {
  let t: TestApp;
  let fixtur: Fixtur;
  const klienter = new Map<Vem, Webbklient>();

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    fixtur = { t, extern: await externLank(t) };
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
        expect(svar.html).toContain('<html lang="sv"');
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
