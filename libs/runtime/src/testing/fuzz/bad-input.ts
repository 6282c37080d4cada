import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './openapi';

/**
 * fast-check arbitraries of what an outsider may send to an operation: a valid body from its
 * schema with one place broken, a hostile raw body, bad path and query values, bad headers. Valid
 * ids of the right kind are drawn often enough that requests get past the 404s into the services.
 */
export interface FuzzContext {
  callers: readonly string[];
  /** The callers whose roles get past the guards of a path, drawn for half of the runs. */
  likelyCallers(path: string): readonly string[];
  /** Existing ids per kind (`remiss`, `remissvar`, …) for path parameters and id fields. */
  ids: Record<string, string[]>;
  /** Values that pass validation for a field of this name (a future working day, a demo e-mail …). */
  goodByName: Record<string, readonly unknown[]>;
  /** A PDF the upload checks accept. */
  validPdf: Uint8Array;
}

export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType?: string }
  | { kind: 'multipart'; fields: Record<string, string>; file?: { name: string; bytes: string | Uint8Array } };

export interface FuzzRequest {
  caller: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: FuzzBody;
}

const INT_EDGES = [0, -1, 1.5, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308];
const DATE_EDGES = [
  '9999-12-31',
  '0000-01-01',
  '2025-02-30',
  '2026-13-01',
  '+010000-01-01',
  '1899-12-31',
  '2100-01-01',
  '2026-12-1',
  '2026-12-01T00:00:00Z',
];
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  'namn@kommun.se\uD83D',
  '\uDFFF@\uD800.se',
  "'; DROP TABLE remiss; --",
  '\r\n\r\n',
  '\u202Eabc',
  '{{constructor}}',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  'ö'.repeat(20_001),
  'x'.repeat(100_000),
  '',
  ' ',
  'null',
  'a@b',
  '@',
];

/** A value of the wrong kind, or of the right kind beyond what the platform can hold. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, [], {}, [[]], [{}], [null], { '': null }, '[]', '{}'),
  fc.constantFrom(...INT_EDGES),
  fc.constantFrom(...DATE_EDGES),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
);

/** Bodies no schema describes: nesting, malformed JSON, prototype keys, JSON scalars, a body too large. */
const RAW_BODIES: readonly string[] = [
  '['.repeat(50_000) + ']'.repeat(50_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  '{"synpunkter":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  '{"a":1,"a":2}',
  '{',
  '',
  'null',
  '"text"',
  '1e999',
  '[]',
  'true',
  '{"\\u0000":1}',
  '"\\ud800"',
  '{"epost":"\\udc00"}',
  JSON.stringify({ x: 'y'.repeat(3 * 1024 * 1024) }),
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'multipart/form-data',
  'multipart/form-data; boundary=',
];

/** Raw values for a path segment or query value (percent-encoded as sent, some deliberately invalid). */
const RAW_SEGMENTS = [
  '%00',
  '%ED%A0%80',
  '%FF',
  '%',
  '%2e%2e%2f',
  '-1',
  '0',
  '99999999999',
  '2147483648',
  '1e3',
  'null',
  '%C3%B6',
  'x'.repeat(5_000),
  '%20',
];

export function goodValue(schema: Schema, name: string, context: FuzzContext): fc.Arbitrary<unknown> {
  const known = context.goodByName[name];
  if (known?.length) return fc.constantFrom(...known);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return fc.constant(schema.example ?? `Giltig text för ${name}`);
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 20, 20) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(goodValue(schema.items ?? {}, name, context), { maxLength: 2 });
    case 'object':
    default: {
      const properties = schema.properties ?? {};
      if (!Object.keys(properties).length) return fc.constant({});
      const fields = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, goodValue(s, key, context)]),
      );
      return fc.record(fields, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
  }
}

/** Every place in a JSON value, as a list of keys from the root. */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const own = [at];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => places(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [...own, ...Object.entries(value).flatMap(([k, v]) => places(v, [...at, k]))];
  return own;
}

function mutate(value: unknown, choice: number, how: 'replace' | 'delete' | 'add', bad: unknown): unknown {
  const all = places(value);
  const place = all[choice % all.length];
  if (!place.length) return how === 'replace' ? bad : value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of place.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = place[place.length - 1];
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (how === 'add' && !Array.isArray(parent)) parent[`okänt_${String(last)}`] = bad;
  else parent[last] = bad;
  return copy;
}

function jsonBody(schema: Schema, context: FuzzContext): fc.Arbitrary<FuzzBody> {
  const good = goodValue(schema, '', context);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(good, fc.nat(), fc.constantFrom('replace', 'replace', 'delete', 'add' as const), badValue)
        .map(([v, i, how, bad]) => ({ kind: 'json' as const, value: mutate(v, i, how, bad) })),
    },
    { weight: 1, arbitrary: good.map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom(...CONTENT_TYPES))
        .map(([text, contentType]) => ({ kind: 'raw' as const, text, contentType })),
    },
  );
}

const PDF_LIKE = [
  '%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF',
  'inte en pdf',
  '',
  '%PDF-1.7\n/Encrypt 1 0 R',
];

function multipartBody(context: FuzzContext): fc.Arbitrary<FuzzBody> {
  return fc.oneof(
    fc.record({
      kind: fc.constant('multipart' as const),
      fields: fc.dictionary(
        fc.constantFrom('titel', 'fil', 'okänt', 'titel\u0000'),
        fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 8 })),
        { maxKeys: 3 },
      ),
      file: fc.option(
        fc.record({
          name: fc.constantFrom('fil', 'fil', 'annat', ''),
          bytes: fc.constantFrom<string | Uint8Array>(...PDF_LIKE, context.validPdf, context.validPdf),
        }),
        { nil: undefined },
      ),
    }),
    jsonBody({ type: 'object', properties: { titel: { type: 'string' } } }, context),
  );
}

function segment(param: Parameter, kind: string | undefined, context: FuzzContext): fc.Arbitrary<string> {
  const own = kind ? (context.ids[kind] ?? []) : [];
  const others = Object.values(context.ids).flat();
  const choices: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 2, arbitrary: fc.uuid().map(String) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponentLoose) },
  ];
  if (param.name === 'version') choices.push({ weight: 4, arbitrary: fc.constantFrom('1', '2', '3') });
  if (own.length) choices.push({ weight: 8, arbitrary: fc.constantFrom(...own) });
  if (others.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...others) });
  return fc.oneof(...choices);
}

/** encodeURIComponent, but lone surrogates are sent as their (invalid) CESU-8 bytes instead of throwing. */
function encodeURIComponentLoose(s: string): string {
  return [...s]
    .map((c) =>
      /[\uD800-\uDFFF]/.test(c)
        ? '%ED%' +
          (0x80 + ((c.charCodeAt(0) >> 6) & 0x3f)).toString(16).toUpperCase() +
          '%' +
          (0x80 + (c.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()
        : encodeURIComponent(c),
    )
    .join('');
}

function queryValue(param: Parameter, context: FuzzContext): fc.Arbitrary<string> {
  const good = goodValue(param.schema, param.name, context).map((v) => encodeURIComponent(String(v)));
  return fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...INT_EDGES, 100_000_000, 10_000_000).map(String) },
    {
      weight: 2,
      arbitrary: badValue.map((v) => encodeURIComponentLoose(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
    },
  );
}

const IF_MATCH = [
  '"1"',
  '"2"',
  'W/"1"',
  '"2147483648"',
  '"99999999999999999999"',
  '"-1"',
  '"0"',
  '*',
  '"1.5"',
  'x'.repeat(8_000),
  '"\u00e4"',
  '""',
];
const COOKIES = [
  'remiss_session=',
  'remiss_session=x',
  `remiss_session=${'A'.repeat(4_000)}`,
  'remiss_session=%00',
  'remiss_session=\u00ff\u00fe',
  'a=b; remiss_session=1; remiss_session=2',
];

function headers(op: Operation): fc.Arbitrary<Record<string, string>> {
  const ifMatch = op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  return fc
    .record(
      {
        'if-match': fc.constantFrom(...IF_MATCH),
        cookie: fc.constantFrom(...COOKIES),
        accept: fc.constantFrom('application/pdf', '*/*', 'text/html', 'x'.repeat(2_000)),
        'accept-language': fc.constantFrom('sv-SE', '\u00ff'.repeat(100)),
      },
      { requiredKeys: ifMatch ? ['if-match'] : [] },
    )
    .filter((h) => Object.keys(h).length < 3);
}

/** Which kind of id a path parameter holds, from the segment before it (`/remisser/{id}` → remiss). */
const KIND_BY_SEGMENT: Record<string, string> = {
  remisser: 'remiss',
  remissvar: 'remissvar',
  remissinstanser: 'remissinstans',
  instanser: 'remissinstans',
  enheter: 'enhet',
  diarier: 'diarium',
  arenden: 'arende',
  handlingar: 'remisshandling',
  extern: 'token',
  revisioner: 'version',
};

export function paramKind(path: string, name: string): string | undefined {
  const segments = path.split('/');
  const i = segments.indexOf(`{${name}}`);
  return KIND_BY_SEGMENT[segments[i - 1]];
}

export function fuzzRequest(op: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const body = op.body
    ? op.body.kind === 'multipart'
      ? multipartBody(context)
      : jsonBody(op.body.schema, context)
    : fc.option(
        fc.constantFrom(...RAW_BODIES.slice(0, 6)).map((text) => ({ kind: 'raw' as const, text })),
        { nil: undefined, freq: 4 },
      );
  return fc
    .record({
      caller: fc.oneof(fc.constantFrom(...context.callers), fc.constantFrom(...context.likelyCallers(op.path))),
      path: fc.tuple(...pathParams.map((p) => segment(p, paramKind(op.path, p.name), context))),
      // Lists take many filters: a third of the runs send only good ones, so some pass and reach the query.
      query: fc.oneof(
        {
          weight: 2,
          arbitrary: fc.tuple(...queryParams.map((p) => fc.option(queryValue(p, context), { nil: undefined }))),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(
            ...queryParams.map((p) =>
              fc.option(
                goodValue(p.schema, p.name, context).map((v) => encodeURIComponent(String(v))),
                { nil: undefined },
              ),
            ),
          ),
        },
      ),
      extraQuery: fc.option(fc.constantFrom('okand=1', 'page=1&page=2', 'q=%00', 'q=%ED%A0%80', 'pageSize=100000000'), {
        nil: undefined,
        freq: 3,
      }),
      headers: fc.option(headers(op), { nil: {}, freq: 2 }),
      body: body as fc.Arbitrary<FuzzBody | undefined>,
    })
    .map(({ caller, path, query, extraQuery, headers, body }) => {
      let url = op.path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, path[i])));
      const pairs = queryParams.flatMap((p, i) => (query[i] === undefined ? [] : [`${p.name}=${query[i]}`]));
      if (extraQuery) pairs.push(extraQuery);
      if (pairs.length) url += `?${pairs.join('&')}`;
      return { caller, method: op.method, url, headers, ...(body ? { body } : {}) };
    });
}
