import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext } from '@nestjs/common';
import { stockholmInstant } from '@app/core';
import { UtkorgAvstamning } from '@app/utkorg';
import { createInstanser, createTestbadd, startWorker, Testbadd, waitUntil } from './testing/paminnelse-testbadd';

describe('two workers at once', () => {
  let t: Testbadd;
  let andra: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestbadd({ nu: stockholmInstant('2026-03-02', 12) });
    andra = await startWorker(t.config, { url: t.db.url, redisUrl: t.redisUrl }, t.clock);
  });
  afterAll(async () => {
    await andra.close();
    await t.close();
  });

  it('never send the same reminder twice, even when both reconcile and queue every job at the same moment', async () => {
    const instanser = await createInstanser(t.dataSource, t.instanser.get('UN')!.remissId, 300, '2026-04-07');
    await t.inTransaction((m) => t.planering.plan(m, instanser));
    t.clock.set(stockholmInstant('2026-03-20', 8));
    await Promise.all([
      t.reconcile(),
      andra.get(UtkorgAvstamning).run(),
      t.reconcile(),
      andra.get(UtkorgAvstamning).run(),
    ]);
    await t.sink.waitFor(300);
    await waitUntil(async () => (await t.rader(`status = 'skickad'`)).length === 300);
    await new Promise((r) => setTimeout(r, 500));
    const messageIds = t.sink.received.map((m) => m.messageId);
    expect(messageIds).toHaveLength(300);
    expect(new Set(messageIds).size).toBe(300);
  });
});
