// npm run bench:hostile [-- --duration=20 --rate=200 --uploaders=5]
// A bystander's GET /api/auth/me (sessions of every demo user, at a fixed rate) measured twice on a
// platform of its own (own database, demo data, a real SMTP sink for the personal link): quiet, and
// while `--uploaders` clients keep uploading hostile PDFs (100 MB of text operators FlateDecoded,
// the same running off the page, 50,000 pages, 10⁹ letters of nested forms) through the session
// route and an external link.
// The last line is the summary: bench:hostile quiet_p99_ms=… hostile_p99_ms=… ratio=… …
import 'reflect-metadata';
import { loadConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { createHttpApp } from '@app/runtime';
import { ApiClient } from '@app/runtime/testing/test-app';
import autocannon from 'autocannon';
import { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PlatformModule } from '../apps/platform/src/platform.module';
import { mangaSidorPdf, operatorbombPdf, xobjektbombPdf } from '../libs/remiss/src/testing/pdf-fixtures';
import { remissUtkast } from '../libs/remiss/src/testing/remiss-fixture';
import { benchDatabas } from './bench-databas';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DURATION = arg('duration', 20);
const RATE = arg('rate', 200);
const UPLOADERS = arg('uploaders', 5);
const SESSIONER_PER_ANVANDARE = 3;
const ANVANDARE = [
  'remissansvarig@enkoping.demo',
  'un.sekreterare@enkoping.demo',
  'un.handlaggare@enkoping.demo',
  'sn.sekreterare@enkoping.demo',
  'registrator@enkoping.demo',
  'admin@enkoping.demo',
  'remissansvarig@vadstena.demo',
];

/**
 * The hostile clients run in a thread of their own, so that building and sending multipart bodies
 * costs this process's event loop (the app's) nothing: each uploader sends the next file as soon as
 * the previous one is answered, and counts the answers by status and code.
 */
const UPLOADER = `
const { parentPort, workerData } = require('node:worker_threads');
// The uploaders stand for a client on another machine: the CPU they spend building and sending
// the files yields to the platform's (this thread's own nice value, Linux).
try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), 19); } catch {}
const { filer, mal, uploaders } = workerData;
let stop = false;
const svar = {};
const avbryt = new AbortController();
parentPort.on('message', () => { stop = true; avbryt.abort(); });
async function uploader(i) {
  for (let n = i; !stop; n++) {
    const fil = filer[n % filer.length];
    const { url, headers } = mal[n % mal.length];
    const form = new FormData();
    form.append('fil', new Blob([fil.data], { type: 'application/pdf' }), fil.namn + '.pdf');
    const start = Date.now();
    try {
      const res = await fetch(url, { method: 'POST', body: form, headers, signal: avbryt.signal });
      const body = await res.json().catch(() => ({}));
      const key = fil.namn + ' ' + res.status + ' ' + (body.code || '');
      (svar[key] ||= { antal: 0, langsammast_ms: 0 }).antal++;
      svar[key].langsammast_ms = Math.max(svar[key].langsammast_ms, Date.now() - start);
    } catch (e) {
      const key = stop ? fil.namn + ' unanswered when the bench ended' : fil.namn + ' error ' + e.message;
      (svar[key] ||= { antal: 0 }).antal++;
    }
  }
}
Promise.all(Array.from({ length: uploaders }, (_, i) => uploader(i))).then(() => parentPort.postMessage(svar));
`;

/** The bystander's latencies, and the event loop's own delay meanwhile (what blocking it would show, apart from a busy machine). */
async function bystander(base: string, cookies: string[]) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const result = await autocannon({
    url: base,
    connections: 10,
    overallRate: RATE,
    duration: DURATION,
    workers: 1,
    requests: cookies.map((cookie) => ({ method: 'GET', path: '/api/auth/me', headers: { cookie } })),
  });
  loop.disable();
  const loopP99 = Math.round(loop.percentile(99) / 1e6);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    loopP99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function run(): Promise<void> {
  const sink = await new SmtpSink().start();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error', DEMO_DATA: 'false', SMTP_URL: sink.url });
  const { url, infrastructure, drop } = await benchDatabas(config, 'bench_hostile');
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    app = await createHttpApp(
      PlatformModule.forRoot(config, { databaseUrl: url, redisUrl: infrastructure.redisUrl }),
      config,
      'bench',
      ['error'],
    );
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    const ks = await ApiClient.login(base, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    const utkast = await remissUtkast(ks, 'Hamnplan', [{ namn: 'Region Uppsala', epost: 'region@example.se' }]);
    const skickad = await remissUtkast(ks, 'Avfallsplan', [{ namn: 'Naturskyddsföreningen', epost: 'nf@example.se' }]);
    if ((await ks.post(`/api/remisser/${skickad.id}/skicka`)).status !== 200) throw new Error('skicka failed');
    const deadline = Date.now() + 30_000;
    while (!sink.to('nf@example.se').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const token = /\/api\/extern\/([A-Za-z0-9_-]{43})/.exec(sink.to('nf@example.se')[0]?.text ?? '')?.[1];
    if (!token) throw new Error('no invitation mail with a personal link');

    const cookies: string[] = [];
    for (const epost of ANVANDARE)
      for (let i = 0; i < SESSIONER_PER_ANVANDARE; i++)
        cookies.push((await ApiClient.login(base, epost, DEMO_PASSWORD)).sessionCookie!);

    const filer = [
      {
        namn: 'textoperatorer-pa-sidan',
        data: operatorbombPdf('1 0 0 1 56 780 Tm (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n', 100),
      },
      { namn: 'textoperatorer-utanfor-sidan', data: operatorbombPdf('(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n', 100) },
      { namn: '50000-sidor', data: mangaSidorPdf(50_000) },
      { namn: 'nastlade-former', data: xobjektbombPdf() },
    ];
    console.log(
      `files: ${filer.map((f) => `${f.namn} ${Math.round(f.data.length / 1024)} KB`).join(', ')}; bystander: ${cookies.length} sessions of ${ANVANDARE.length} users at ${RATE} req/s for ${DURATION} s`,
    );
    const mal = [
      {
        url: `${base}/api/remisser/${utkast.id}/handlingar`,
        headers: { cookie: ks.sessionCookie!, 'x-csrf-token': ks.sessionCsrfToken! },
      },
      { url: `${base}/api/extern/${token}/svar`, headers: {} },
    ];

    // Warm-up (JIT, pools, the PDF worker threads), then quiet, then hostile.
    await autocannon({
      url: `${base}/api/auth/me`,
      connections: 10,
      duration: 3,
      workers: 1,
      headers: { cookie: cookies[0] },
    });
    const quiet = await bystander(base, cookies);
    console.log(
      `quiet   p50=${quiet.p50}ms p99=${quiet.p99}ms max=${quiet.max}ms event_loop_delay_p99=${quiet.loopP99}ms requests=${quiet.requests} errors=${quiet.errors}`,
    );

    const uploads = new Worker(UPLOADER, {
      eval: true,
      workerData: {
        filer: filer.map((f) => ({ namn: f.namn, data: new Uint8Array(f.data) })),
        mal,
        uploaders: UPLOADERS,
      },
    });
    const svar = new Promise<Record<string, { antal: number; langsammast_ms?: number }>>((resolve, reject) =>
      uploads.once('message', resolve).once('error', reject),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const hostile = await bystander(base, cookies);
    uploads.postMessage('stop');
    const utfall = await svar;
    await uploads.terminate();
    console.log(
      `hostile p50=${hostile.p50}ms p99=${hostile.p99}ms max=${hostile.max}ms event_loop_delay_p99=${hostile.loopP99}ms requests=${hostile.requests} errors=${hostile.errors}`,
    );
    for (const [key, v] of Object.entries(utfall).sort())
      console.log(
        `  upload ${key}: ${v.antal}${v.langsammast_ms !== undefined ? ` (slowest answer ${v.langsammast_ms} ms)` : ''}`,
      );
    // Hostile files that got through: remisshandlingar beyond the draft's own one, and an external answer stored.
    const [{ filer: lagrade }] = await sql(
      url,
      `SELECT (SELECT count(*)::int FROM remisshandling h WHERE h.remiss_id = $1) - 1 + (SELECT count(*)::int FROM remissinstans i WHERE i.remiss_id = $2 AND i.extern_svar_fil_id IS NOT NULL) AS filer`,
      [utkast.id, skickad.id],
    );
    const totalt = Object.values(utfall).reduce((s, v) => s + v.antal, 0);
    const fel5xx = Object.entries(utfall)
      .filter(([k]) => / 5\d\d /.test(k) && !k.includes('PDF_INSPECTION_BUSY'))
      .reduce((s, [, v]) => s + v.antal, 0);
    const ratio = hostile.p99 / Math.max(1, quiet.p99);
    console.log(
      `bench:hostile quiet_p99_ms=${quiet.p99} hostile_p99_ms=${hostile.p99} ratio=${ratio.toFixed(2)} target=${ratio <= 2 && hostile.p99 <= 50 ? 'met' : 'missed'} uploads=${totalt} stored_hostile=${lagrade} unexpected_5xx=${fel5xx} bystander_errors=${quiet.errors + hostile.errors}`,
    );
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await app?.close();
    await drop();
    await infrastructure.stop();
    await sink.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
