import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, ApiResponse, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { sql } from '@app/database/testing/test-infrastructure';
import { PlatformModule } from '../../src/platform.module';
import {
  krypteradPdfMedEscapedNamn,
  launchPdf,
  mangaSidorPdf,
  openActionJavaScriptPdf,
  operatorbombPdf,
  pdfMedSidor,
  xobjektbombPdf,
} from '@app/remiss/testing/pdf-fixtures';
import { pdfForm, remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { personligToken } from '@app/mail/testing/epost-lankar';

/** 100 MB of text drawn on the page (each string placed back at the top): the text budget stops it. */
const textbomb = () => operatorbombPdf('1 0 0 1 56 780 Tm (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n', 100);
/** The same strings running off the page as one endless line: pdfjs holds it as one text item, so only the page time stops it. */
const linjebomb = () => operatorbombPdf('(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n', 100);

/**
 * Hostile uploads, through the session route and an external link: refused with a code and Swedish
 * text within the budgets, nothing stored, and other users answered at once meanwhile.
 */
describe('uploaded PDFs are read off the request thread, within budgets', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let bystander: ApiClient;
  let utkast: { id: string; handlingId: string };
  let lank: string;
  let bomber: { text: Buffer; xobjekt: Buffer };

  const ladda = (data: Buffer, filnamn = 'handling.pdf') =>
    ks.post(`/api/remisser/${utkast.id}/handlingar`, pdfForm(data, filnamn));
  const svara = (data: Buffer, filnamn = 'svar.pdf') =>
    t.anonymous().post(`/api/extern/${lank}/svar`, pdfForm(data, filnamn));
  const lagrat = async () =>
    (
      await sql(
        t.db.url,
        `SELECT (SELECT count(*) FROM fil WHERE id NOT IN (SELECT pdfa_fil_id FROM arkivhandling WHERE pdfa_fil_id IS NOT NULL))::int AS filer, (SELECT count(*) FROM remisshandling)::int AS handlingar, (SELECT count(*) FROM remisshandling_sida)::int AS sidor, (SELECT count(*) FROM remissinstans WHERE status = 'besvarad')::int AS besvarade`,
      )
    )[0];
  const refusal = (res: ApiResponse, status: number, code: string) => {
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.body.meddelande).toMatch(/[åäö]/);
    expect(typeof res.body.message).toBe('string');
  };

  /** Runs `work` while a bystander asks who they are every 25 ms; returns the work's result and the slowest answer. */
  async function medBystander<T>(work: () => Promise<T>): Promise<{ resultat: T; langsammast: number }> {
    let klar = false;
    let langsammast = 0;
    const fraga = (async () => {
      while (!klar) {
        const start = performance.now();
        const me = await bystander.get('/api/auth/me');
        expect(me.status).toBe(200);
        langsammast = Math.max(langsammast, performance.now() - start);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    try {
      return { resultat: await work(), langsammast };
    } finally {
      klar = true;
      await fraga;
    }
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, {
      config: {
        SMTP_URL: sink.url,
        PDF_INSPECTION_WORKERS: '1',
        PDF_INSPECTION_QUEUE: '1',
        // Budgets far apart, so which one stops a file does not depend on how busy the machine is
        // (CI runs a Chromium suite beside this one): the page's 5 s, the file's 20 s.
        PDF_INSPECTION_TIMEOUT_MS: '20000',
        PDF_INSPECTION_PAGE_TIMEOUT_MS: '5000',
        PDF_MAX_TEXT_MB: '1',
        PDF_INSPECTION_NICE: '0',
      },
    });
    ks = await t.as('remissansvarig@enkoping.demo');
    bystander = await t.as('un.sekreterare@enkoping.demo');
    utkast = await remissUtkast(ks, 'Hamnplan', [{ namn: 'Region Uppsala', epost: 'region@example.se' }]);
    const skickad = await remissUtkast(ks, 'Avfallsplan', [{ namn: 'Naturskyddsföreningen', epost: 'nf@example.se' }]);
    expect((await ks.post(`/api/remisser/${skickad.id}/skicka`)).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (!sink.to('nf@example.se').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    lank = personligToken(sink.to('nf@example.se')[0].text);
    bomber = { text: textbomb(), xobjekt: xobjektbombPdf() };
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('refuses 100 MB of text operators (a few hundred KB on the wire) and 10⁹ letters of nested forms by the text and page time budgets, on both routes, while a bystander is answered at once', async () => {
    expect(bomber.text.length).toBeLessThan(400_000);
    const fore = await lagrat();
    const start = Date.now();
    const { resultat, langsammast } = await medBystander(() =>
      Promise.all([ladda(bomber.text, 'bomb.pdf'), svara(bomber.xobjekt, 'bomb.pdf')]),
    );
    refusal(resultat[0], 422, 'PDF_TEXT_TOO_LARGE');
    expect(resultat[0].body.meddelande).toBe(
      'bomb.pdf innehåller mer än 1 MB text. Dela upp handlingen i flera filer.',
    );
    refusal(resultat[1], 422, 'PDF_TOO_COMPLEX');
    expect(resultat[1].body.details).toEqual({ budget: 'page time' });
    expect(resultat[1].body.meddelande).toBe(
      'bomb.pdf är för komplex för att läsas – en sida tar för lång tid. Spara den på nytt (t.ex. som PDF/A) och försök igen.',
    );
    // One worker: the second file waited for the first, and neither outlived its 5 s page budget by much.
    expect(Date.now() - start).toBeLessThan(30_000);
    expect(langsammast).toBeLessThan(1000);
    expect(await lagrat()).toEqual(fore);
  }, 60_000);

  it('refuses one endless line of 100 MB of text, sent through a link, by the page time (not the file’s), storing nothing', async () => {
    const fore = await lagrat();
    const bomb = linjebomb();
    const start = Date.now();
    const { resultat, langsammast } = await medBystander(() => svara(bomb, 'rad.pdf'));
    refusal(resultat, 422, 'PDF_TOO_COMPLEX');
    expect(resultat.body.details).toEqual({ budget: 'page time' });
    // Stopped by the 5 s of page time, before the file's 20 s were up.
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(langsammast).toBeLessThan(1000);
    expect(await lagrat()).toEqual(fore);
  }, 60_000);

  it('answers 503 PDF_INSPECTION_BUSY when every worker is busy and the queue is full', async () => {
    const fore = await lagrat();
    const svar = await Promise.all([ladda(bomber.xobjekt), ladda(bomber.xobjekt), svara(bomber.xobjekt)]);
    expect(svar.map((r) => r.body.code).sort()).toEqual(['PDF_INSPECTION_BUSY', 'PDF_TOO_COMPLEX', 'PDF_TOO_COMPLEX']);
    refusal(
      svar.find((r) => r.status === 503)!,
      503,
      'PDF_INSPECTION_BUSY',
    );
    expect(await lagrat()).toEqual(fore);
  }, 60_000);

  it('refuses 2,001 pages by the page budget, naming it', async () => {
    const fore = await lagrat();
    const res = await ladda(mangaSidorPdf(2001), 'tjock.pdf');
    refusal(res, 422, 'PDF_TOO_MANY_PAGES');
    expect(res.body.meddelande).toBe(
      'tjock.pdf har 2001 sidor – högst 2000 sidor tas emot. Dela upp handlingen i flera filer.',
    );
    const fiftyThousand = await svara(mangaSidorPdf(50_000));
    refusal(fiftyThousand, 422, 'PDF_TOO_MANY_PAGES');
    expect(await lagrat()).toEqual(fore);
  }, 60_000);

  it('refuses an encrypted PDF whose /Encrypt is written /Encr#79pt', async () => {
    const fore = await lagrat();
    const pdf = await krypteradPdfMedEscapedNamn();
    expect(pdf.toString('latin1')).not.toContain('/Encrypt');
    refusal(await ladda(pdf), 422, 'PDF_ENCRYPTED');
    refusal(await svara(pdf), 422, 'PDF_ENCRYPTED');
    expect(await lagrat()).toEqual(fore);
  });

  it('refuses JavaScript behind /OpenAction (in an object stream) and a Launch action written /L#61unch', async () => {
    const fore = await lagrat();
    const js = await ladda(await openActionJavaScriptPdf(), 'skript.pdf');
    refusal(js, 422, 'PDF_ACTIVE_CONTENT');
    expect(js.body.meddelande).toBe(
      'skript.pdf innehåller JavaScript, vilket inte tas emot. Spara den som vanlig PDF (t.ex. PDF/A) och försök igen.',
    );
    const launch = await svara(launchPdf(), 'program.pdf');
    refusal(launch, 422, 'PDF_ACTIVE_CONTENT');
    expect(launch.body.meddelande).toContain('program.pdf innehåller en åtgärd som startar program');
    expect(await lagrat()).toEqual(fore);
  });

  it('still takes a normal PDF of 1,200 pages and stores the text of every page (in batches)', async () => {
    const res = await ladda(mangaSidorPdf(1200), 'bilagor.pdf');
    expect([res.status, res.body.sidantal]).toEqual([201, 1200]);
    const sidor = await sql(
      t.db.url,
      `SELECT count(*)::int AS n, max(sidnummer) AS sista, (SELECT text FROM remisshandling_sida WHERE remisshandling_id = $1 AND sidnummer = 1200) AS text FROM remisshandling_sida WHERE remisshandling_id = $1`,
      [res.body.id],
    );
    expect(sidor).toEqual([{ n: 1200, sista: 1200, text: 'Sida 1200' }]);
  }, 60_000);

  it('refuses multipart bodies it cannot read with a 400 and Swedish text, also on an unknown link, storing nothing', async () => {
    const fore = await lagrat();
    const utanGrans = { 'content-type': 'multipart/form-data' };
    refusal(
      await ks.request('POST', `/api/remisser/${utkast.id}/handlingar`, 'x', utanGrans),
      400,
      'MULTIPART_MALFORMED',
    );
    refusal(
      await t.anonymous().request('POST', `/api/extern/${'A'.repeat(43)}/svar`, 'x', utanGrans),
      400,
      'MULTIPART_MALFORMED',
    );
    const avkapad = { 'content-type': 'multipart/form-data; boundary=gr' };
    refusal(
      await ks.request(
        'POST',
        `/api/remisser/${utkast.id}/handlingar`,
        '--gr\r\nContent-Disposition: form-data; name="fil"; filename="a.pdf"\r\n\r\n%PDF-1.7',
        avkapad,
      ),
      400,
      'MULTIPART_MALFORMED',
    );
    const pdf = await pdfMedSidor([['Sida ett']]);
    const tvaFiler = pdfForm(pdf, 'a.pdf');
    tvaFiler.append('fil', new Blob([new Uint8Array(pdf)]), 'b.pdf');
    refusal(await ks.post(`/api/remisser/${utkast.id}/handlingar`, tvaFiler), 400, 'TOO_MANY_FILES');
    const mangaFalt = pdfForm(pdf, 'a.pdf');
    for (let i = 0; i < 10; i++) mangaFalt.append(`f${i}`, 'x');
    refusal(await ks.post(`/api/remisser/${utkast.id}/handlingar`, mangaFalt), 400, 'TOO_MANY_FIELDS');
    expect(await lagrat()).toEqual(fore);
  });

  it('serves stored PDFs sandboxed and unsniffable: uploaded ones as attachment, the platform’s own inline', async () => {
    const uppladdad = await ks.get(`/api/remisser/${utkast.id}/handlingar/${utkast.handlingId}/fil`);
    expect(uppladdad.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'content-security-policy', 'x-content-type-options'].map((h) => [
          h,
          uppladdad.headers.get(h),
        ]),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': "attachment; filename*=UTF-8''policy.pdf",
      'content-security-policy': 'sandbox',
      'x-content-type-options': 'nosniff',
    });
    const viaLank = await t.anonymous().get(`/api/extern/${lank}/missiv`);
    expect([
      viaLank.status,
      viaLank.headers.get('content-disposition'),
      viaLank.headers.get('content-security-policy'),
      viaLank.headers.get('x-content-type-options'),
    ]).toEqual([200, expect.stringMatching(/^inline; filename\*=UTF-8''/), 'sandbox', 'nosniff']);
  });

  it('an external answer that passes the checks is stored after the refused ones, with the link spent', async () => {
    const fore = await lagrat();
    const res = await svara(await pdfMedSidor([['Naturskyddsföreningen tillstyrker förslaget.']]));
    expect([res.status, res.body]).toEqual([201, { status: 'besvarad' }]);
    const efter = await lagrat();
    expect([efter.filer - fore.filer, efter.besvarade - fore.besvarade]).toEqual([1, 1]);
  });
});
