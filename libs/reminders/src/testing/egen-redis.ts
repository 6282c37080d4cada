import { spawn } from 'node:child_process';
import { freePort } from '@app/database/testing/test-infrastructure';
import Redis from 'ioredis';

export interface EgenRedis {
  url: string;
  stop(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing answers (a hung server); `resume` undoes it. */
  pause(): void;
  resume(): void;
}

/**
 * A redis-server of this test's own (from the PATH), for tests that FLUSHALL or kill workers:
 * other engineers' tests share the common Redis. `noeviction`, as the platform runs it.
 * Started on the port of a stopped one, it stands in for it (clients reconnect).
 */
export async function startEgenRedis(pa?: { port: number }): Promise<EgenRedis> {
  // A given port: a restart where the previous one ran, so its clients reconnect.
  const port = pa?.port ?? (await freePort());
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    const svar = await client.connect().then(
      () => client.ping(),
      () => null,
    );
    client.disconnect();
    if (svar === 'PONG') {
      return {
        url,
        stop: async () => {
          child.kill('SIGCONT');
          child.kill('SIGTERM');
          await exited;
        },
        pause: () => child.kill('SIGSTOP'),
        resume: () => child.kill('SIGCONT'),
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}
