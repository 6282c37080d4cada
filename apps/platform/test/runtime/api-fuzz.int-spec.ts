import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stockholmDatum, workingDaysAfter } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { PlatformModule } from '../../src/platform.module';
import { FuzzContext, FuzzRequest, fuzzRequest } from '@app/runtime/testing/fuzz/bad-input';
import { violations } from '@app/runtime/testing/fuzz/invariants';
import { Operation, operations } from '@app/runtime/testing/fuzz/openapi';
import { ApiClient, ApiResponse, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { personligToken } from '@app/mail/testing/epost-lankar';

/**
 * Walks every operation of the platform's OpenAPI document with generated bad input, as every
 * demo role and anonymously: no answer may be a 5xx or take longer than ANSWER_WITHIN_MS, and
 * after each operation's runs no half-written row may have appeared (testing/fuzz/invariants.ts).
 * FUZZ_SEED=<n> repeats a run, FUZZ_RUNS=<n> sets the runs per operation.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const ANSWER_WITHIN_MS = 20_000;

const EPOST = {
  remissansvarig: 'remissansvarig@enkoping.demo',
  'un.sekreterare': 'un.sekreterare@enkoping.demo',
  'un.handlaggare': 'un.handlaggare@enkoping.demo',
  'sn.sekreterare': 'sn.sekreterare@enkoping.demo',
  registrator: 'registrator@enkoping.demo',
  admin: 'admin@enkoping.demo',
  vadstena: 'remissansvarig@vadstena.demo',
};
const CALLERS = [...Object.keys(EPOST), 'anonym'];
/** Who holds the roles an area of the API asks for. */
const LIKELY: [RegExp, string[]][] = [
  [/^\/api\/admin\//, ['admin']],
  [/^\/api\/(remisser|remissmottagare)/, ['remissansvarig']],
  [/^\/api\/(remissvar|remissinstanser|enheter)/, ['un.sekreterare', 'un.handlaggare', 'sn.sekreterare']],
  [/^\/api\/(diarier|arenden)/, ['registrator']],
];

/** Operations that end something run last, so the others meet live objects; those ending a whole remiss after all. */
const ENDS_SOMETHING = /\/(avsta|avstar|expediera|svar|remissvar\/skicka)$|^DELETE |\/lank\/aterkalla$/;
const ENDS_A_REMISS = /\/remisser\/\{id\}\/(aterkalla|avsluta)$|\/logout$/;
/** Operations on the caller's own session get a client of their own each run. */
const OWN_SESSION = /^POST \/api\/auth\/(login|logout)$/;

describe('fuzzing every operation of the API', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ops: Operation[];
  let context: FuzzContext;
  const clients: Record<string, ApiClient> = {};
  const goodBodies: Record<string, unknown[]> = {};

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    const demo = await demoRemissMedHandling(t.db.url);
    for (const [caller, epost] of Object.entries(EPOST)) clients[caller] = await t.as(epost);
    clients.anonym = t.anonymous();

    // Objects in every state the operations act on: a draft answer (UN), one awaiting beslut (SN), a draft remiss (KS).
    const un = clients['un.sekreterare'];
    await un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    expect(
      (await un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId))).status,
    ).toBe(201);
    const sn = clients['sn.sekreterare'];
    await sn.post(`/api/remissinstanser/${demo.instanser.SN}/registrera`, {});
    const snSvar = (
      await sn.post(`/api/remissinstanser/${demo.instanser.SN}/remissvar`, {
        inledning: 'Utkast.',
        synpunkter: [],
        avslutning: 'Slut.',
        stallning: 'inga_synpunkter',
      })
    ).body;
    expect((await sn.post(`/api/remissvar/${snSvar.id}/for-beslut`)).status).toBe(200);
    const svarsdatum = [20, 40].map((n) => workingDaysAfter(stockholmDatum(new Date()), n));
    const nyRemiss = {
      arendemening: 'Remiss om fuzzning',
      svarsdatum: svarsdatum[0],
      kontaktperson: { namn: 'Karin Lind' },
      mottagare: [{ enhetId: demo.enheter.TN }, { namn: 'Region Uppsala', epost: 'registrator@region.test' }],
    };
    expect((await clients.remissansvarig.post('/api/remisser', nyRemiss)).status).toBe(201);
    // A sent remiss with external instanser, whose personal links come by mail.
    const externa = ['a', 'b', 'c'].map((x) => `extern-${x}@example.se`);
    const skickad = await remissUtkast(clients.remissansvarig, 'Remiss till externa', [
      ...externa.map((epost) => ({ namn: `Part ${epost}`, epost })),
      { enhetId: demo.enheter.UN },
      { enhetId: demo.enheter.SN },
    ]);
    expect((await clients.remissansvarig.post(`/api/remisser/${skickad.id}/skicka`)).status).toBe(200);
    const tokens = await Promise.all(externa.map((epost) => personalToken(sink, epost)));

    const ids = async (query: string) => (await sql<{ id: string }>(t.db.url, query)).map((r) => r.id);
    context = {
      callers: CALLERS,
      likelyCallers: (path) => LIKELY.find(([area]) => area.test(path))?.[1] ?? CALLERS,
      ids: {
        remiss: await ids('SELECT id FROM remiss'),
        remissinstans: await ids('SELECT id FROM remissinstans'),
        remissvar: await ids('SELECT id FROM remissvar'),
        enhet: await ids('SELECT id FROM enhet'),
        diarium: await ids('SELECT id FROM diarium'),
        arende: await ids('SELECT id FROM arende'),
        remisshandling: [demo.remisshandlingId, skickad.handlingId],
        token: [...tokens, 'A'.repeat(43), 'x', 'a'.repeat(2_000)],
      },
      goodByName: {
        epost: [...Object.values(EPOST), 'okand@enkoping.demo'],
        losenord: [DEMO_PASSWORD, 'fel-losenord'],
        svarsdatum,
        sammantradesdatum: [stockholmDatum(new Date())],
        beslutsdatum: [stockholmDatum(new Date())],
        enhetId: Object.values(demo.enheter),
        diariumId: await ids('SELECT id FROM diarium'),
        remisshandlingId: [demo.remisshandlingId],
        sida: [5, 1],
        arbetsdagar: [0, 1, 3],
        diarienummer: ['UN2026/700', 'KS2026/701', 'KS2025/118'],
      },
      validPdf: new Uint8Array(await pdfMedSidor([['Sida 1 av svaret'], ['Sida 2']])),
    };
    Object.assign(goodBodies, {
      'POST /api/auth/login': [{ epost: EPOST['un.handlaggare'], losenord: DEMO_PASSWORD }],
      'POST /api/remisser': [nyRemiss, { ...nyRemiss, diarienummer: 'KS2026/702' }],
      'PATCH /api/remisser/{id}': [
        { arendemening: 'Ändrad mening', kontaktperson: null },
        { svarsdatum: svarsdatum[1], version: 1 },
      ],
      'POST /api/remissinstanser/{id}/remissvar': [unSvar(demo.remisshandlingId)],
      'PUT /api/remissvar/{id}': [
        { ...unSvar(demo.remisshandlingId), version: 1 },
        { inledning: 'Ny', synpunkter: [], avslutning: '', version: 2 },
      ],
      'PUT /api/extern/{token}/remissvar': [
        {
          inledning: 'Vi har tagit del av remissen.',
          avslutning: '',
          synpunkter: [{ typ: 'ovrigt', text: 'Inga fler synpunkter.' }],
          stallning: 'inga_synpunkter',
          kontaktperson: { namn: 'Eva Lund', epost: 'eva.lund@example.se' },
        },
        { inledning: 'Ändrad.', avslutning: '', synpunkter: [], version: 1 },
      ],
      'POST /api/extern/{token}/remissvar/skicka': [{ version: 1 }, { version: 2 }],
      'POST /api/remissvar/{id}/beslut': [
        { typ: 'namndbeslut', sammantradesdatum: stockholmDatum(new Date()), paragraf: '§ 45' },
        { typ: 'delegationsbeslut', delegatNamn: 'Per Ås', beslutsdatum: stockholmDatum(new Date()) },
      ],
      'PUT /api/admin/paminnelseregler': [
        {
          regler: [
            { typ: 'fore', arbetsdagar: 5, aktiv: true },
            { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
          ],
        },
      ],
      'POST /api/diarier/{id}/arenden': [
        { arendemening: 'Ärende från fuzzningen', diarienummer: 'UN2026/703' },
        { arendemening: 'Ärende från fuzzningen' },
      ],
      'POST /api/remisser/{id}/instanser/{instansId}/anstand': [
        { svarsdatum: svarsdatum[1], orsak: 'Nämnden sammanträder senare' },
      ],
      'POST /api/remisser/{id}/aterkalla': [{ orsak: 'Förslaget omarbetas' }],
    });

    const doc = (await clients.anonym.get('/api/docs-json')).body;
    const all = operations(doc);
    const rank = (op: Operation) =>
      ENDS_A_REMISS.test(op.path)
        ? 3
        : ENDS_SOMETHING.test(`${op.method} ${op.path}`)
          ? 2
          : op.method === 'GET'
            ? 0
            : 1;
    ops = all
      .map((op, i) => ({ op, i }))
      .sort((a, b) => rank(a.op) - rank(b.op) || a.i - b.i)
      .map(({ op }) => op);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sees a half-written row: the invariant queries can fail', async () => {
    const before = await violations(t.db.url);
    const [fil] = await sql(
      t.db.url,
      `INSERT INTO fil (organisation_id, filnamn, mimetyp, storlek, sha256, data) SELECT id, 'ensam.pdf', 'application/pdf', 1, repeat('0', 64), '\\x25' FROM organisation LIMIT 1 RETURNING id`,
    );
    try {
      expect([...(await violations(t.db.url))].filter((v) => !before.has(v))).toEqual([`an orphan file: ${fil.id}`]);
    } finally {
      await sql(t.db.url, 'DELETE FROM fil WHERE id = $1', [fil.id]);
    }
  });

  it(
    `answers no request with a 5xx and leaves no half-written row (${RUNS} runs per operation)`,
    async () => {
      expect(ops.length).toBeGreaterThanOrEqual(50);
      const baseline = await violations(t.db.url);
      const already = baseline.size;
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      let requests = 0;
      /** Operations some run got through to a 2xx: how deep the fuzzing reached. */
      const succeeded = new Set<string>();
      const started = Date.now();

      for (const [i, op] of ops.entries()) {
        const key = `${op.method} ${op.path}`;
        let failure = '';
        const arbitrary = withGoodBodies(fuzzRequest(op, context), goodBodies[key]);
        try {
          await fc.assert(
            fc.asyncProperty(arbitrary, async (request) => {
              const res = await send(request, OWN_SESSION.test(key) ? t.anonymous() : clients[request.caller]).catch(
                (e: unknown) => {
                  failure = `${String(e)} for ${describeRequest(request)}`;
                  throw e;
                },
              );
              requests++;
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.status < 300) succeeded.add(key);
              if (res.status >= 500) {
                failure = `${res.status} ${JSON.stringify(res.body).slice(0, 300)} for ${describeRequest(request)}`;
                throw new Error(failure);
              }
            }),
            { numRuns: RUNS, seed: SEED + i, endOnFailure: true },
          );
        } catch (e) {
          problems.push(
            `${key} (FUZZ_SEED=${SEED}, seed of this operation ${SEED + i}): ${failure || String(e).slice(0, 1_000)}`,
          );
        }
        const now = await violations(t.db.url);
        const fresh = [...now].filter((v) => !baseline.has(v));
        if (fresh.length) problems.push(`${key} (FUZZ_SEED=${SEED}) left half-written rows: ${fresh.join('; ')}`);
        fresh.forEach((v) => baseline.add(v));
      }

      const histogram = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.log(
        `API fuzz, FUZZ_SEED=${SEED}: ${ops.length} operations × ${RUNS} runs = ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${histogram}; ${succeeded.size} operations answered 2xx at least once (not: ${ops
          .map((o) => `${o.method} ${o.path}`)
          .filter((k) => !succeeded.has(k))
          .join(', ')}); ${already} rows of the hand-loaded demo data broke an invariant before`,
      );
      expect(problems).toEqual([]);
    },
    Math.max(120_000, RUNS * 6_000),
  );
});

/** Mixes in known-good bodies of an operation (mutated by the same arbitraries) so runs reach its service. */
function withGoodBodies(
  arbitrary: fc.Arbitrary<FuzzRequest>,
  bodies: unknown[] | undefined,
): fc.Arbitrary<FuzzRequest> {
  if (!bodies?.length) return arbitrary;
  return fc.oneof(
    arbitrary,
    fc.tuple(arbitrary, fc.constantFrom(...bodies), fc.boolean()).map(([request, body, asIs]) => ({
      ...request,
      body: {
        kind: 'json' as const,
        value: asIs ? body : request.body?.kind === 'json' ? graft(body, request.body.value) : body,
      },
    })),
  );
}

/** A good body with one field taken from a generated (likely bad) one. */
function graft(good: unknown, bad: unknown): unknown {
  if (!good || typeof good !== 'object' || !bad || typeof bad !== 'object' || Array.isArray(bad)) return bad;
  const [field] = Object.keys(bad as object);
  return field === undefined ? good : { ...(good as object), [field]: (bad as Record<string, unknown>)[field] };
}

async function send(request: FuzzRequest, client: ApiClient): Promise<ApiResponse> {
  // fetch sends no body with GET (nor does a browser).
  const body = request.method === 'GET' ? undefined : request.body;
  const headers = { ...request.headers };
  let payload: unknown;
  if (body?.kind === 'json') {
    payload = JSON.stringify(body.value);
    headers['content-type'] = 'application/json';
  } else if (body?.kind === 'raw') {
    payload = body.text;
    if (body.contentType) headers['content-type'] = body.contentType;
  } else if (body?.kind === 'multipart') {
    const form = new FormData();
    for (const [name, value] of Object.entries(body.fields)) form.append(name, value);
    if (body.file)
      form.append(
        body.file.name,
        new Blob([typeof body.file.bytes === 'string' ? body.file.bytes : new Uint8Array(body.file.bytes)], {
          type: 'application/pdf',
        }),
        'fuzz.pdf',
      );
    payload = form;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms to ${describeRequest(request)}`)),
        ANSWER_WITHIN_MS,
      )),
  );
  try {
    return await Promise.race([client.request(request.method, request.url, payload, headers), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The token of the personal link in the invitation mail to `epost`. */
async function personalToken(sink: SmtpSink, epost: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!sink.to(epost).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return personligToken(sink.to(epost)[0]?.text ?? '');
}

function describeRequest(request: FuzzRequest): string {
  const short = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…(${s.length} chars)` : s);
  const body =
    request.body?.kind === 'json'
      ? (JSON.stringify(request.body.value) ?? 'undefined')
      : request.body?.kind === 'raw'
        ? request.body.text
        : JSON.stringify(request.body ?? null);
  return `${request.method} ${short(request.url)} as ${request.caller}, headers ${short(JSON.stringify(request.headers))}, body ${short(body)}`;
}
