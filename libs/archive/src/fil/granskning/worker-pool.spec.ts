import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerCrashed, WorkerPool, WorkerPoolFull, WorkerTimeout } from './worker-pool';

/**
 * A worker that echoes, spins forever, fills its heap, or answers and asks to be replaced; `steg`
 * works 1.2 s in steps of 200 ms, reporting each, `steg-tyst` reports one step and then spins.
 */
const ARBETARE = `
const { parentPort, threadId } = require('node:worker_threads');
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
parentPort.on('message', (uppdrag) => {
  if (uppdrag === 'snurra') for (;;);
  if (uppdrag === 'steg') for (let i = 0; i < 6; i++) { parentPort.postMessage({ progress: true }); busy(200); }
  if (uppdrag === 'steg-tyst') { parentPort.postMessage({ progress: true }); for (;;); }
  if (uppdrag === 'fyll') { const a = []; for (;;) a.push({ x: new Array(1000).fill(threadId) }); }
  parentPort.postMessage({ result: threadId, retire: uppdrag === 'forbrukad' });
});`;

describe('WorkerPool', () => {
  let entry: string;
  const pools: WorkerPool<string, number>[] = [];
  const pool = (size: number, maxQueue: number, stepTimeoutMs?: number) => {
    const p = new WorkerPool<string, number>({
      entry,
      size,
      maxQueue,
      timeoutMs: 1500,
      stepTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    pools.push(p);
    return p;
  };

  beforeAll(() => {
    entry = join(mkdtempSync(join(tmpdir(), 'worker-pool-')), 'arbetare.js');
    writeFileSync(entry, ARBETARE);
  });
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('reuses a worker between tasks', async () => {
    const p = pool(1, 5);
    const forsta = await p.run('eko');
    expect(await p.run('eko')).toBe(forsta);
  });

  it('terminates a task over its time and replaces the worker; the task behind it runs on the new one', async () => {
    const p = pool(1, 5);
    const forsta = await p.run('eko');
    const start = Date.now();
    const [snurra, nasta] = await Promise.allSettled([p.run('snurra'), p.run('eko')]);
    expect(snurra).toEqual({ status: 'rejected', reason: expect.any(WorkerTimeout) });
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(nasta).toEqual({ status: 'fulfilled', value: expect.any(Number) });
    expect((nasta as PromiseFulfilledResult<number>).value).not.toBe(forsta);
  }, 20_000);

  it('lets a task run past a step time while it reports progress, and ends one that stops reporting at the step time', async () => {
    const p = pool(1, 5, 500);
    expect(await p.run('steg')).toEqual(expect.any(Number));
    const start = Date.now();
    const tyst = await p.run('steg-tyst').catch((e: unknown) => e);
    expect(tyst).toBeInstanceOf(WorkerTimeout);
    expect((tyst as WorkerTimeout).step).toBe(true);
    // The step time (500 ms), not the task's 1.5 s.
    expect(Date.now() - start).toBeLessThan(1400);
    expect(await p.run('eko')).toEqual(expect.any(Number));
  }, 20_000);

  it('reports a worker that exhausts its heap as out of memory, and goes on', async () => {
    const p = pool(1, 5);
    const fyll = await p.run('fyll').catch((e: unknown) => e);
    expect(fyll).toBeInstanceOf(WorkerCrashed);
    expect((fyll as WorkerCrashed).outOfMemory).toBe(true);
    expect(await p.run('eko')).toEqual(expect.any(Number));
  }, 20_000);

  it('refuses a task when every worker is busy and the queue is full', async () => {
    const p = pool(1, 1);
    const upptagen = p.run('snurra').catch((e: unknown) => e);
    const vantar = p.run('eko');
    await expect(p.run('eko')).rejects.toBeInstanceOf(WorkerPoolFull);
    expect(await upptagen).toBeInstanceOf(WorkerTimeout);
    expect(await vantar).toEqual(expect.any(Number));
  }, 20_000);

  it('refuses a task that waited a whole task time for a worker', async () => {
    const p = pool(1, 5);
    const start = Date.now();
    const [forsta, andra, tredje] = await Promise.allSettled([p.run('snurra'), p.run('snurra'), p.run('eko')]);
    expect(forsta).toEqual({ status: 'rejected', reason: expect.any(WorkerTimeout) });
    expect(andra).toEqual({ status: 'rejected', reason: expect.any(WorkerTimeout) });
    // Behind two tasks that each take the whole 1.5 s, the third gave up after its 1.5 s in the queue.
    expect(tredje).toEqual({ status: 'rejected', reason: expect.any(WorkerPoolFull) });
    expect(Date.now() - start).toBeLessThan(10_000);
  }, 20_000);

  it('replaces a worker that answers it is spent', async () => {
    const p = pool(1, 5);
    const forbrukad = await p.run('forbrukad');
    expect(await p.run('eko')).not.toBe(forbrukad);
  });
});
