import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { schemaDepartures } from '@app/runtime/testing/openapi-schema';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { PlatformModule } from '../../src/platform.module';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};
type Svar = { description?: string; content?: Record<string, { schema?: Schema }> };
type Doc = {
  paths: Record<string, Record<string, { responses?: Record<string, Svar> }>>;
  components?: { schemas?: Record<string, Schema> };
};

const METODER = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Every operation of the platform's OpenAPI document says what it answers: a JSON schema with
 * properties (directly, through $ref, or as the items of an array), a file of a named media type
 * as binary, or 204 with no content. A client generated from the document then knows each shape.
 */
describe('the OpenAPI document describes every successful answer', () => {
  let t: TestApp;
  let doc: Doc;
  let demo: DemoRemiss;
  let ansvarig: ApiClient;
  let un: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    doc = (await t.anonymous().get('/api/docs-json')).body as Doc;
    demo = await demoRemissMedHandling(t.db.url);
    ansvarig = await t.as('remissansvarig@enkoping.demo');
    un = await t.as('un.sekreterare@enkoping.demo');
    admin = await t.as('admin@enkoping.demo');
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (schema?.$ref) return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    return schema;
  };

  /** What is wrong with the 2xx answers of one operation, or null when they are described. */
  function problem(responses: Record<string, Svar> | undefined): string | null {
    const lyckade = Object.entries(responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
    if (lyckade.length === 0) return 'no 2xx response';
    for (const [status, svar] of lyckade) {
      const content = Object.entries(svar.content ?? {});
      if (status === '204') {
        if (content.length) return '204 with content';
        continue;
      }
      if (content.length === 0) return `${status} without content`;
      for (const [mediaType, { schema }] of content) {
        if (mediaType === 'application/json') {
          const body = resolve(schema);
          const shape = body?.type === 'array' ? resolve(body.items) : body;
          if (!shape?.properties || Object.keys(shape.properties).length === 0)
            return `${status} ${mediaType} without a schema of properties`;
        } else if (!(schema?.type === 'string' && schema.format === 'binary')) {
          return `${status} ${mediaType} is not described as a file`;
        }
      }
    }
    return null;
  }

  it('has a 2xx response schema for every operation (files declare their media type, 204 has none)', () => {
    const operationer = Object.entries(doc.paths).flatMap(([path, item]) =>
      METODER.filter((m) => item[m]).map((m) => ({ op: `${m.toUpperCase()} ${path}`, responses: item[m].responses })),
    );
    expect(operationer.length).toBeGreaterThan(40);
    const brister = operationer.map(({ op, responses }) => [op, problem(responses)]).filter(([, p]) => p !== null);
    expect(brister).toEqual([]);
  });

  it('names the media type of every file it serves', () => {
    const filer = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.values(item).flatMap((op) =>
        Object.keys(op.responses?.['200']?.content ?? {})
          .filter((m) => m !== 'application/json')
          .map((m) => `${path} ${m}`),
      ),
    );
    expect(filer).toEqual(
      expect.arrayContaining([
        '/api/remisser/{id}/missiv application/pdf',
        '/api/remisser/{id}/sammanstallning.csv text/csv; charset=utf-8',
        '/api/remissvar/{id}/pdf application/pdf',
        '/api/extern/{token}/handlingar/{id} application/pdf',
      ]),
    );
  });

  it('describes the answers as they are: no field left out of the schema, no required one missing', async () => {
    const enhet = demo.enheter.UN;
    await un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    const svar = await un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId));
    expect(svar.status).toBe(201);
    expect(schemaDepartures(doc, svar.body, 'post', '/api/remissinstanser/{id}/remissvar', '201')).toEqual([]);
    const registrator = await t.as('registrator@enkoping.demo');
    const [diarium] = (await registrator.get('/api/diarier')).body;
    const arende = await registrator.post(`/api/diarier/${diarium.id}/arenden`, {
      arendemening: 'Remiss om skolskjuts',
    });
    expect(arende.status).toBe(201);
    expect(schemaDepartures(doc, arende.body, 'post', '/api/diarier/{id}/arenden', '201')).toEqual([]);
    const kontroller: [ApiClient, string, string][] = [
      [un, '/api/auth/me', '/api/auth/me'],
      [un, '/api/organisation', '/api/organisation'],
      [un, `/api/enheter/${enhet}`, '/api/enheter/{id}'],
      [un, `/api/enheter/${enhet}/inkorg`, '/api/enheter/{enhetId}/inkorg'],
      [un, `/api/remisser/${demo.remissId}`, '/api/remisser/{id}'],
      [ansvarig, `/api/remisser/${demo.remissId}`, '/api/remisser/{id}'],
      [ansvarig, `/api/remisser/${demo.remissId}/status`, '/api/remisser/{id}/status'],
      [ansvarig, `/api/remisser/${demo.remissId}/sammanstallning`, '/api/remisser/{id}/sammanstallning'],
      [ansvarig, `/api/remisser/${demo.remissId}/handlingar`, '/api/remisser/{remissId}/handlingar'],
      [ansvarig, '/api/remisser', '/api/remisser'],
      [ansvarig, '/api/remissmottagare', '/api/remissmottagare'],
      [admin, '/api/admin/paminnelseregler', '/api/admin/paminnelseregler'],
      [admin, '/api/admin/paminnelser/ko', '/api/admin/paminnelser/ko'],
      [admin, '/api/admin/enheter', '/api/admin/enheter'],
      [admin, '/api/admin/brevhuvud', '/api/admin/brevhuvud'],
      [admin, '/api/admin/kopplingar', '/api/admin/kopplingar'],
      [t.anonymous(), '/health/ready', '/health/ready'],
      [un, `/api/remissvar/${svar.body.id}`, '/api/remissvar/{id}'],
      [un, `/api/remissvar/${svar.body.id}/revisioner`, '/api/remissvar/{id}/revisioner'],
      [un, `/api/remissvar/${svar.body.id}/revisioner/1`, '/api/remissvar/{id}/revisioner/{version}'],
      [registrator, '/api/diarier', '/api/diarier'],
      [registrator, `/api/arenden/${arende.body.id}`, '/api/arenden/{id}'],
    ];
    for (const [client, url, path] of kontroller) {
      const res = await client.get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect([url, schemaDepartures(doc, res.body, 'get', path)]).toEqual([url, []]);
    }
  });
});
