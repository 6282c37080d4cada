import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, stockholmDatum } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { pdfForm, remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

/**
 * The refusals of following a sent remiss: another organisation's remiss is a 404, another role a
 * 403, bad dates and duplicates a 4xx naming the field in Swedish, and nothing written then.
 */
describe('following a sent remiss: refusals (API)', () => {
  let t: TestApp;
  let ks: ApiClient;
  let remiss: { id: string };
  let instans: string;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    ks = await t.as('remissansvarig@enkoping.demo');
    remiss = await remissUtkast(ks, 'Förslag till avfallsplan', [{ namn: 'Region Uppsala', epost: 'r@example.se' }]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    [{ id: instans }] = await sql(t.db.url, `SELECT id FROM remissinstans WHERE remiss_id = $1`, [remiss.id]);
  }, 90_000);
  afterAll(() => t?.close());

  const svarForm = async (inkom: string) => {
    const form = pdfForm(await pdfMedSidor([['Svar']]), 'svar.pdf');
    form.append('typ', 'svar');
    form.append('inkom', inkom);
    return form;
  };

  it("another organisation's remiss is a 404, another role a 403", async () => {
    const vadstena = await t.as('remissansvarig@vadstena.demo');
    const un = await t.as('un.sekreterare@enkoping.demo');
    for (const [klient, status] of [
      [vadstena, 404],
      [un, 403],
    ] as const) {
      expect((await klient.get(`/api/remisser/${remiss.id}/uppfoljning`)).status).toBe(status);
      expect(
        (await klient.post(`/api/remisser/${remiss.id}/instanser`, { namn: 'X-förening', epost: 'x@example.se' }))
          .status,
      ).toBe(status);
      expect((await klient.post(`/api/remisser/${remiss.id}/instanser/${instans}/paminn`)).status).toBe(status);
      expect(
        (
          await klient.post(
            `/api/remisser/${remiss.id}/instanser/${instans}/mottaget-svar`,
            await svarForm(stockholmDatum(new Date())),
          )
        ).status,
      ).toBe(status);
    }
    expect(await sql(t.db.url, `SELECT 1 FROM remissinstans WHERE namn = 'X-förening'`)).toHaveLength(0);
  });

  it('bad dates are refused at their field in Swedish, and nothing is written', async () => {
    const imorgon = addDays(stockholmDatum(new Date()), 1);
    const framtid = await ks.post(
      `/api/remisser/${remiss.id}/instanser/${instans}/mottaget-svar`,
      await svarForm(imorgon),
    );
    expect(framtid.status).toBe(400);
    expect(framtid.body.fel).toEqual([
      { falt: 'inkom', meddelande: expect.stringContaining('kan inte ligga efter i dag') },
    ]);
    const fore = await ks.post(
      `/api/remisser/${remiss.id}/instanser/${instans}/mottaget-svar`,
      await svarForm('2020-01-02'),
    );
    expect(fore.status).toBe(400);
    expect(fore.body.fel[0].meddelande).toContain('kan inte ligga före utskicket');
    const tidigt = await ks.post(`/api/remisser/${remiss.id}/instanser`, {
      namn: 'Tidig förening',
      epost: 'tidig@example.se',
      svarsdatum: '2020-01-02',
    });
    expect(tidigt.status).toBe(400);
    expect(tidigt.body.fel[0]).toEqual({
      falt: 'svarsdatum',
      meddelande: expect.stringContaining('tidigare än remissens'),
    });
    const ingenPart = await ks.post(`/api/remisser/${remiss.id}/instanser`, { namn: 'Bara namn' });
    expect(ingenPart.status).toBe(400);
    expect(ingenPart.body.fel).toEqual([{ falt: 'epost', meddelande: 'Skriv den externa partens e-postadress.' }]);
    expect((await sql(t.db.url, `SELECT status FROM remissinstans WHERE id = $1`, [instans]))[0].status).toBe(
      'inbjuden',
    );
    expect(await sql(t.db.url, `SELECT 1 FROM remissinstans WHERE remiss_id = $1`, [remiss.id])).toHaveLength(1);
  });

  it('an instans already invited is a 409 at its field; a rättelse must name what it corrects', async () => {
    const dubblett = await ks.post(`/api/remisser/${remiss.id}/instanser`, {
      namn: 'Region Uppsala',
      epost: 'R@example.se',
    });
    expect([dubblett.status, dubblett.body.code, dubblett.body.fel?.[0].falt]).toEqual([409, 'INSTANS_FINNS', 'epost']);
    expect(dubblett.body.meddelande).toBe('Region Uppsala har redan fått remissen');
    const form = pdfForm(await pdfMedSidor([['Rättad']]), 'r.pdf');
    form.append('typ', 'rattelse');
    const rattelse = await ks.post(`/api/remisser/${remiss.id}/komplettering`, form);
    expect([rattelse.status, rattelse.body.fel?.[0].falt]).toEqual([400, 'ersatterId']);
  });

  it('avsluta closes the instans still working (stangd), cancels its reminders; then nothing more is accepted', async () => {
    expect((await ks.post(`/api/remisser/${remiss.id}/avsluta`)).status).toBe(200);
    expect((await sql(t.db.url, `SELECT status FROM remissinstans WHERE id = $1`, [instans]))[0].status).toBe('stangd');
    expect(
      await sql(t.db.url, `SELECT 1 FROM paminnelse WHERE remissinstans_id = $1 AND status = 'planerad'`, [instans]),
    ).toHaveLength(0);
    const sen = await ks.post(
      `/api/remisser/${remiss.id}/instanser/${instans}/mottaget-svar`,
      await svarForm(stockholmDatum(new Date())),
    );
    expect([sen.status, sen.body.code]).toEqual([409, 'ILLEGAL_STATE']);
    expect(sen.body.meddelande).toBe('Det går inte att registrera ett inkommet svar när remissen är avslutad.');
  });
});
