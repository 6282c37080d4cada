import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, testPorts } from './test-infrastructure';

describe('the ports of the embedded test servers', () => {
  const dirs: string[] = [];
  const servers: Server[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'remiss-ports-'));
    dirs.push(d);
    return d;
  };
  const listen = (port: number) =>
    new Promise<void>((resolve) => {
      const server = createServer().listen(port, '127.0.0.1', () => resolve());
      servers.push(server);
    });
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('two checkouts get free ports of their own, not the old fixed 54339/63799', async () => {
    const a = await testPorts(dir());
    await listen(a.postgres);
    await listen(a.redis);
    const b = await testPorts(dir());
    expect(new Set([a.postgres, a.redis, b.postgres, b.redis]).size).toBe(4);
    expect([a.postgres, a.redis]).not.toContain(54339);
  });

  it('a server still running on the remembered port (a killed run) is found there again; a gone one is not waited for', async () => {
    const d = dir();
    const kvar = await freePort();
    await listen(kvar);
    const borta = await freePort();
    writeFileSync(join(d, 'ports.json'), JSON.stringify({ postgres: kvar, redis: borta }));
    const ports = await testPorts(d);
    expect(ports.postgres).toBe(kvar);
    expect(ports.redis).not.toBe(kvar);
    expect(JSON.parse(readFileSync(join(d, 'ports.json'), 'utf8'))).toEqual(ports);
  });
});
