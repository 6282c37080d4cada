import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { PlatformModule } from '../../src/platform.module';
import { commonModules } from '@app/runtime';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';

describe('bad input is refused with 400 naming the field, and nothing is written', () => {
  let t: TestApp;
  let registrator: ApiClient;
  let unDiarium: string;

  const arendeCount = async () => (await sql(t.db.url, 'SELECT count(*)::int AS n FROM arende'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    registrator = await t.as('registrator@enkoping.demo');
    unDiarium = (await registrator.get('/api/diarier')).body.find((d: { prefix: string }) => d.prefix === 'UN').id;
  });
  afterAll(() => t.close());

  it.each([
    ['malformed JSON', '{"arendemening": "Remiss"', 'MALFORMED_JSON', /JSON|Expected|Unexpected/],
    [
      'an unknown field',
      { arendemening: 'Remiss om skolskjuts', prioritet: 'hög' },
      'VALIDATION_FAILED',
      /prioritet should not exist/,
    ],
    ['a wrong type', { arendemening: 42 }, 'VALIDATION_FAILED', /arendemening must be a string/],
    ['a missing field', {}, 'VALIDATION_FAILED', /arendemening/],
    [
      'a number too long',
      { arendemening: 'Remiss', diarienummer: 'UN'.repeat(30) },
      'VALIDATION_FAILED',
      /diarienummer must be shorter than or equal to 40 characters/,
    ],
  ])('%s', async (_case, body, code, message) => {
    const before = await arendeCount();
    const res = await registrator.post(`/api/diarier/${unDiarium}/arenden`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(await arendeCount()).toBe(before);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const res = await registrator.get('/api/arenden/inte-ett-id');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/uuid/);
  });

  it('routes a path with a trailing slash to the same endpoint', async () => {
    const res = await registrator.get('/api/diarier/');
    expect(res.status).toBe(200);
    expect(res.body.map((d: { prefix: string }) => d.prefix)).toContain('UN');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const res = await t.anonymous().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/diarier/{id}/arenden', '/health/ready']),
    );
    const ui = await t.anonymous().get('/api/docs/swagger-ui.css');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/^text\/css/);
  });
});

@Module({})
class StorageOnlyModule {
  static forRoot(config: AppConfig, location: { databaseUrl: string; redisUrl: string }): DynamicModule {
    return { module: StorageOnlyModule, imports: commonModules(config, location) };
  }
}

describe('health', () => {
  it('is ready when PostgreSQL and Redis answer', async () => {
    const t = await startTestApp(StorageOnlyModule.forRoot, { demoData: false });
    try {
      expect((await t.anonymous().get('/health/live')).body).toEqual({ status: 'ok' });
      const ready = await t.anonymous().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
    } finally {
      await t.close();
    }
  });

  it('answers 503 naming Redis when Redis is down, while staying live', async () => {
    const t = await startTestApp(
      (config, location) => StorageOnlyModule.forRoot(config, { ...location, redisUrl: 'redis://127.0.0.1:1' }),
      { demoData: false },
    );
    try {
      expect((await t.anonymous().get('/health/live')).status).toBe(200);
      const ready = await t.anonymous().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('unavailable');
      expect(ready.body.checks.postgres).toBe('ok');
      expect(ready.body.checks.redis).toMatch(/^error: /);
    } finally {
      await t.close();
    }
  });
});
