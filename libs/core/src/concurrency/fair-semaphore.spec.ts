import { describe, expect, it } from '@jest/globals';
import { FairSemaphore, QueueFull } from './fair-semaphore';

/** A task that runs until released, recording when it started. */
function gate(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { task: () => (started.push(name), done), release: () => release() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FairSemaphore', () => {
  it('runs at most `concurrency` tasks and serves waiting clients in turn', async () => {
    const semaphore = new FairSemaphore(1, { perClient: 10, total: 100 });
    const started: string[] = [];
    const gates = ['a1', 'a2', 'a3', 'a4', 'b1', 'c1'].map((name) => ({ name, ...gate(started, name) }));
    const runs = gates.map((g) => semaphore.run(g.name[0], g.task));
    await tick();
    expect(started).toEqual(['a1']);
    // a had the first slot, so b and c, which had none, go before a's next.
    for (const expected of ['b1', 'c1', 'a2', 'a3', 'a4']) {
      gates.find((g) => g.name === started.at(-1))!.release();
      await tick();
      expect(started.at(-1)).toBe(expected);
    }
    gates.find((g) => g.name === 'a4')!.release();
    await Promise.all(runs);
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'a3', 'a4']);
  });

  it('refuses at once when the client’s queue or the whole queue is full, and frees the slot after a failure', async () => {
    const semaphore = new FairSemaphore(1, { perClient: 2, total: 3 });
    const started: string[] = [];
    const first = gate(started, 'a1');
    const running = semaphore.run('a', first.task);
    const queued = [semaphore.run('a', async () => 'a2'), semaphore.run('a', async () => 'a3')];
    await expect(semaphore.run('a', async () => 'a4')).rejects.toEqual(new QueueFull('client'));
    const b = semaphore.run('b', async () => {
      throw new Error('b failed');
    });
    await expect(semaphore.run('c', async () => 'c1')).rejects.toEqual(new QueueFull('total'));
    first.release();
    await running;
    await expect(b).rejects.toThrow('b failed');
    expect(await Promise.all(queued)).toEqual(['a2', 'a3']);
    expect(await semaphore.run('c', async () => 'c1')).toBe('c1');
  });

  it('refuses a task that waited waitMs for a slot, and the slot still goes to the next one waiting', async () => {
    const started: string[] = [];
    const semaphore = new FairSemaphore(1, { waitMs: 100 });
    const first = gate(started, 'a1');
    const running = semaphore.run('a', first.task);
    const tooLate = semaphore.run('a', async () => 'a2');
    await expect(tooLate).rejects.toEqual(new QueueFull('wait'));
    const next = semaphore.run('a', async () => 'a3');
    first.release();
    await running;
    expect(await next).toBe('a3');
  });
});
