import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { DEMO_PASSWORD } from '@app/demo';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';
import { sql } from '@app/database/testing/test-infrastructure';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { personligToken } from '@app/mail/testing/epost-lankar';

interface StormRequest {
  method: string;
  path: string;
  json?: unknown;
  pdf?: boolean;
}

/**
 * Sends all requests at once from a child process, as outsiders would: built and sent in the
 * test's own process they would share the server's event loop and inflate what is measured.
 */
const STORM = `
const { url, pdf, requests } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const fil = Buffer.from(pdf, 'base64');
const send = async (r) => {
  const init = { method: r.method };
  if (r.pdf) {
    init.body = new FormData();
    init.body.append('fil', new Blob([fil], { type: 'application/pdf' }), 'svar.pdf');
  } else if (r.json) {
    init.body = JSON.stringify(r.json);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(url + r.path, init);
  return { status: res.status, code: (await res.json().catch(() => ({}))).code };
};
const start = performance.now();
Promise.all(requests.map(send)).then((svar) => process.stdout.write(JSON.stringify({ ms: performance.now() - start, svar })));
`;

function stormFranAnnanProcess(
  url: string,
  pdf: Buffer,
  requests: StormRequest[],
): Promise<{ ms: number; svar: { status: number; code?: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', STORM], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`storm process exited with ${code}`)),
    );
    child.stdin.end(JSON.stringify({ url, pdf: pdf.toString('base64'), requests }));
  });
}

/**
 * Issue #11, section 1: refused answers once held their pool connection (and a row lock) while
 * auditing through a second one; ten at once stalled every kommun. A storm of refused and
 * competing answers now leaves the platform answering, and records one answer.
 */
describe('external links under a storm of refused and competing answers', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let remissId: string;
  const tokens: Record<'live' | 'used' | 'revoked' | 'expired', string> = {
    live: '',
    used: '',
    revoked: '',
    expired: '',
  };
  const adresser = {
    live: 'live@example.se',
    used: 'used@example.se',
    revoked: 'revoked@example.se',
    expired: 'expired@example.se',
  } as const;

  const token = async (epost: string) => {
    const deadline = Date.now() + 15_000;
    while (!sink.to(epost).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return personligToken(sink.to(epost)[0].text);
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    const ks = await t.as('remissansvarig@enkoping.demo');
    const remiss = await remissUtkast(ks, 'Belastningsprov', [
      { namn: 'Levande förening', epost: adresser.live },
      { namn: 'Använd förening', epost: adresser.used },
      { namn: 'Återkallad förening', epost: adresser.revoked },
      { namn: 'Utgången förening', epost: adresser.expired },
    ]);
    remissId = remiss.id;
    expect((await ks.post(`/api/remisser/${remissId}/skicka`)).status).toBe(200);
    for (const k of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[k] = await token(adresser[k]);
    expect((await t.anonymous().post(`/api/extern/${tokens.used}/avstar`, {})).status).toBe(200);
    const [revoked] = await sql(
      t.db.url,
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Återkallad förening'`,
      [remissId],
    );
    expect((await ks.post(`/api/remisser/${remissId}/instanser/${revoked.id}/lank/aterkalla`)).status).toBe(200);
    await sql(
      t.db.url,
      `UPDATE extern_atkomst SET giltig_till = now() - interval '1 minute' WHERE remissinstans_id = (SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Utgången förening')`,
      [remissId],
    );
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('50 refused link requests and 50 answers on one live link: health answers within 1 s, login within 1 s of its own cost, one answer recorded', async () => {
    const pdf = await pdfMedSidor([['Levande förening tillstyrker förslaget.']]);
    const spent = [tokens.used, tokens.revoked, tokens.expired];
    const refused: StormRequest[] = Array.from({ length: 50 }, (_, i) => {
      const tok = spent[i % 3];
      if (i % 3 === 0)
        return { method: 'POST', path: `/api/extern/${tok}/avstar`, json: { motivering: 'Inga synpunkter.' } };
      if (i % 3 === 1) return { method: 'POST', path: `/api/extern/${tok}/svar`, pdf: true };
      return { method: 'GET', path: `/api/extern/${tok}` };
    });
    const answers: StormRequest[] = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? { method: 'POST', path: `/api/extern/${tokens.live}/svar`, pdf: true }
        : { method: 'POST', path: `/api/extern/${tokens.live}/avstar`, json: { motivering: `Avstår ${i}` } },
    );

    // What a login costs here without a storm (argon2 dominates it, and this machine's cores are shared).
    const login = async () => {
      const start = performance.now();
      await ApiClient.login(t.url, 'un.handlaggare@enkoping.demo', DEMO_PASSWORD);
      return performance.now() - start;
    };
    const utanStorm = Math.max(await login(), await login(), await login());

    let stormar = true;
    const latenser = { ready: [] as number[], login: [] as number[] };
    // A probe and a person signing in, over and over (with short pauses, as they would) while the storm lasts.
    const poll = async (what: keyof typeof latenser, pauseMs: number, request: () => Promise<number>) => {
      while (stormar) {
        const start = performance.now();
        const status = await request();
        latenser[what].push(performance.now() - start);
        expect(status).toBe(200);
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    };
    const pollers = [
      poll('ready', 20, async () => (await fetch(`${t.url}/health/ready`)).status),
      poll('login', 50, async () =>
        (await ApiClient.login(t.url, 'un.handlaggare@enkoping.demo', DEMO_PASSWORD)).sessionCookie ? 200 : 0,
      ),
    ];
    let storm: { ms: number; svar: { status: number; code?: string }[] };
    try {
      storm = await stormFranAnnanProcess(t.url, pdf, [...refused, ...answers]);
      // Keep polling a little after the storm.
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      stormar = false;
      await Promise.allSettled(pollers);
    }
    await Promise.all(pollers);
    const responses = storm.svar;
    const stormMs = storm.ms;

    const max = (xs: number[]) => Math.round(Math.max(...xs));
    console.log(
      `storm of 100 link requests: ${Math.round(stormMs)} ms; /health/ready max ${max(latenser.ready)} ms over ${latenser.ready.length} polls; login max ${max(latenser.login)} ms over ${latenser.login.length} logins (${Math.round(utanStorm)} ms without the storm)`,
    );
    expect(latenser.ready.length).toBeGreaterThan(0);
    expect(latenser.login.length).toBeGreaterThan(0);
    expect(max(latenser.ready)).toBeLessThan(1000);
    // A login is argon2 at this machine's speed (about 300 ms alone on two shared cores, three times that while
    // the storm's client and Postgres compete for them): what it must not do is wait on the storm, as the
    // stalled pool made it wait seconds. So it gets its own unloaded cost plus the 1 s the health probe gets.
    expect(max(latenser.login)).toBeLessThan(utanStorm + 1000);

    const refusedCodes = responses.slice(0, 50).map((r) => `${r.status} ${r.code}`);
    expect(new Set(refusedCodes)).toEqual(new Set(['410 LINK_USED', '410 LINK_REVOKED', '410 LINK_EXPIRED']));
    const answerStatuses = responses
      .slice(50)
      .map((r) => (r.status >= 400 ? `${r.status} ${r.code}` : String(r.status)));
    const ok = answerStatuses.filter((s) => s === '200' || s === '201');
    expect(ok).toHaveLength(1);
    // The others arrived while it was being received (refused at once) or after it (the link is used).
    const late = answerStatuses.filter((s) => s === '410 LINK_USED').length;
    const whileAnswering = answerStatuses.filter((s) => s === '409 LINK_ANSWER_IN_PROGRESS').length;
    expect(late + whileAnswering).toBe(49);
    console.log(
      `of the 49 answers that lost: ${whileAnswering} arrived while the winner was received (409), ${late} after it (410)`,
    );

    const rows = await sql(
      t.db.url,
      `SELECT i.status,
              (SELECT count(*)::int FROM handling h JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = i.remiss_id AND h.riktning = 'inkommande' AND h.motpart = i.namn) AS handlingar,
              (SELECT count(*)::int FROM audit_event a WHERE a.objekt_id = i.id::text AND a.handelse IN ('externt_remissvar_mottaget', 'extern_avstar')) AS svar,
              (SELECT count(*)::int FROM fil f WHERE f.id = i.extern_svar_fil_id) AS filer
         FROM remissinstans i WHERE i.remiss_id = $1 AND i.namn = 'Levande förening'`,
      [remissId],
    );
    expect(rows).toEqual([
      { status: ok[0] === '201' ? 'besvarad' : 'avstar', handlingar: 1, svar: 1, filer: ok[0] === '201' ? 1 : 0 },
    ]);
    // Every refusal by the link's state is audited (the storm's 50 plus the late answers); one
    // refused because another answer was being received never reached the link.
    const [nekade] = await sql(
      t.db.url,
      `SELECT count(*)::int AS n FROM audit_event WHERE handelse = 'extern_lank_nekad'`,
    );
    expect(nekade.n).toBe(50 + late);
    // Only upload-free files: no file was stored for a refused answer (an accepted one's PDF/A rendition is its archive's).
    const [orphans] = await sql(
      t.db.url,
      `SELECT count(*)::int AS n FROM fil f WHERE f.filnamn LIKE '%forening%' AND NOT EXISTS (SELECT 1 FROM remissinstans i WHERE i.extern_svar_fil_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM arkivhandling a WHERE a.pdfa_fil_id = f.id)`,
    );
    expect(orphans.n).toBe(0);
  }, 120_000);
});
