import { Logger } from '@nestjs/common';
import { StartupError } from '@app/core';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { EmbeddedServer } from './embedded-postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * With no REDIS_URL, `redis-server` from the PATH runs under DATA_DIR/redis with AOF on and
 * `noeviction` (BullMQ must never lose a key to eviction). One already answering is reused.
 */
export async function startEmbeddedRedis(dataDir: string, port: number): Promise<EmbeddedServer> {
  const url = `redis://127.0.0.1:${port}`;
  if (await answers(url)) return { url, stop: async () => undefined };

  if (spawnSync('redis-server', ['--version']).error) {
    throw new StartupError(
      'No REDIS_URL is set and redis-server is not on the PATH: install Redis (Debian: `apt-get install redis-server`) or set REDIS_URL.',
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await answers(url)) {
      new Logger('EmbeddedRedis').log(`redis-server started on 127.0.0.1:${port} (data in ${dir})`);
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new StartupError(
    `redis-server did not start on port ${port}: is the port taken? Set EMBEDDED_REDIS_PORT or REDIS_URL.`,
  );
}
