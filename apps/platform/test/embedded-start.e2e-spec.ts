import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@app/demo';
import { ApiClient } from '@app/runtime/testing/test-app';

const ROOT = join(__dirname, '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.split('\n').find((line) => pattern.test(line));
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output}`));
    });
  });
}

describe('npm start on a machine with no DATABASE_URL and no REDIS_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'remiss-embedded-'));
  // As root, PostgreSQL runs as the user `postgres`, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots an embedded PostgreSQL and a local redis-server, loads the demo data and is ready', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    const port = await freePort();
    const postgresPort = await freePort();
    const redisPort = await freePort();
    Object.assign(env, {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_REDIS_PORT: String(redisPort),
      // No SMTP_URL, as on a newcomer's machine: the development mail sink, on a port no other test holds.
      DEV_SMTP_PORT: '0',
      LOG_LEVEL: 'warn',
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    });
    child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/platform/src/main.ts')],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );

    const running = await waitForLine(child, /Remissplattformen is running at/, 110_000);
    expect(running).toContain(`http://127.0.0.1:${port}`);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });

    const client = await ApiClient.login(`http://127.0.0.1:${port}`, 'remissansvarig@enkoping.demo', DEMO_PASSWORD);
    const organisation = await client.get('/api/organisation');
    expect(organisation.body.namn).toBe('Enköpings kommun');
    expect(organisation.body.enheter.map((e: { kortnamn: string }) => e.kortnamn).sort()).toEqual([
      'BMN',
      'KFN',
      'KS',
      'SN',
      'TN',
      'UN',
    ]);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A clean stop leaves no server behind.
    expect(await answers(postgresPort)).toBe(false);
    expect(await answers(redisPort)).toBe(false);
  }, 120_000);
});
