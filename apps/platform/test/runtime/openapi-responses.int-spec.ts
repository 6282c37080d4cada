import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

type Schema = { $ref?: string; type?: string; format?: string; items?: Schema; properties?: Record<string, Schema> };
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

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    doc = (await t.anonymous().get('/api/docs-json')).body as Doc;
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
});
