import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Redis from 'ioredis';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

/** On a Redis Cluster, commands over several keys need them in one slot: every key the platform writes shares the prefix's hashtag. */
describe('the Redis keys of rate limits, account locks and queues', () => {
  let t: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    redis = new Redis(t.db.redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  it('all live under QUEUE_PREFIX, a {hashtag}, after a wrong password, a link request and the outbox’s start', async () => {
    const prefix = t.config.QUEUE_PREFIX;
    expect(prefix).toMatch(/^\{test-[0-9a-f]+\}$/);
    const fel = await t.anonymous().post('/api/auth/login', { epost: 'un.sekreterare@enkoping.demo', losenord: 'fel' });
    expect(fel.status).toBe(401);
    expect((await t.anonymous().get('/api/extern/finns-inte-alls-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).status).toBe(404);
    const hashtag = prefix.slice(1, -1);
    const keys = (await redis.keys(`*${hashtag}*`)).sort();
    expect(keys.some((k) => k.startsWith(`${prefix}:kontosparr:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${prefix}:rate-limit:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${prefix}:utkorg:`))).toBe(true);
    expect(keys.filter((k) => !k.startsWith(`${prefix}:`))).toEqual([]);
  });
});
