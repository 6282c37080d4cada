import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { UN2025_412 } from '../exempel/un2025-412';
import { Mallar } from '../mallar/mallar.service';
import { PdfFel } from '../pdf-fel';
import { remissvarVy } from '../vy/remissvar-vy';
import { blanksteg, pdfInfo, pdfText } from '../testing/pdf-verktyg';
import { ChromiumPool } from './chromium-pool.service';
import { findChromium } from './chromium-sokvag';

const mallar = new Mallar('templates');
const svar = (n: number) =>
  mallar.html('remissvar', UN2025_412.brevhuvud, remissvarVy({ ...UN2025_412, titel: `Svar nummer ${n}` }));
const pool = (installningar: Partial<ConstructorParameters<typeof ChromiumPool>[0]> = {}) =>
  new ChromiumPool({
    chromium: findChromium(undefined),
    storlek: 2,
    omstartEfter: 200,
    timeoutMs: 15000,
    ...installningar,
  });

/** Chromium's renderer processes (one per page): the children started with --type=renderer. */
function rendererProcesser(chromium: number): number[] {
  return readdirSync('/proc')
    .filter((namn) => /^\d+$/.test(namn))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') &&
          /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] !== undefined &&
          arAttling(Number(pid), chromium)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

function arAttling(pid: number, forfader: number): boolean {
  for (let p = pid; p > 1;) {
    const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]);
    if (ppid === forfader) return true;
    p = ppid;
  }
  return false;
}

async function titel(pdf: Buffer): Promise<string> {
  return (await pdfInfo(pdf)).Title;
}

describe('ChromiumPool', () => {
  // One pool for most tests: every launch of Chromium costs CI time.
  const tva = pool();
  afterAll(() => tva.close());

  describe('with a pool of 2 pages', () => {
    it('prints 20 documents asked for at once, each with its own content', async () => {
      const pdfer = await Promise.all(Array.from({ length: 20 }, (_, n) => tva.print(svar(n))));
      expect(await Promise.all(pdfer.map(titel))).toEqual(Array.from({ length: 20 }, (_, n) => `Svar nummer ${n}`));
    });

    it('finishes the renders in flight when Chromium is killed, and the next render succeeds', async () => {
      const pid = await tva.chromiumPid();
      const pagaende = Array.from({ length: 6 }, (_, n) => tva.print(svar(100 + n)));
      await new Promise((resolve) => setTimeout(resolve, 40));
      process.kill(pid!, 'SIGKILL');
      const pdfer = await Promise.all(pagaende);
      expect(await Promise.all(pdfer.map(titel))).toEqual(
        Array.from({ length: 6 }, (_, n) => `Svar nummer ${100 + n}`),
      );
      const nasta = await tva.print(svar(200));
      expect(blanksteg(await pdfText(nasta))).toContain('Svar nummer 200');
      expect(await tva.chromiumPid()).not.toBe(pid);
    });

    it('retries a render whose page renderer is killed, and drops pages whose renderer died while idle', async () => {
      const renderare = rendererProcesser((await tva.chromiumPid())!);
      expect(renderare.length).toBeGreaterThan(0);
      const pagaende = tva.print(svar(300));
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const pid of renderare) process.kill(pid, 'SIGKILL');
      expect(await titel(await pagaende)).toBe('Svar nummer 300');
      const pdfer = await Promise.all([301, 302, 303].map((n) => tva.print(svar(n))));
      expect(await Promise.all(pdfer.map(titel))).toEqual(['Svar nummer 301', 'Svar nummer 302', 'Svar nummer 303']);
    });
  });

  it('replaces Chromium after the configured number of documents', async () => {
    const liten = pool({ storlek: 1, omstartEfter: 3 });
    try {
      const pids = [];
      for (let n = 0; n < 4; n++) {
        pids.push(await liten.chromiumPid());
        expect(await titel(await liten.print(svar(n)))).toBe(`Svar nummer ${n}`);
      }
      expect(new Set(pids).size).toBe(2);
      expect(liten.omstarter).toBe(1);
    } finally {
      await liten.close();
    }
  });

  it('gives a clear error, not a hang, when a step exceeds its time limit', async () => {
    const otalig = pool({ storlek: 1, timeoutMs: 1 });
    try {
      await expect(otalig.print(svar(1))).rejects.toThrow(PdfFel);
    } finally {
      await otalig.close();
    }
  });

  describe('even when markup reaches the page unescaped', () => {
    let server: Server;
    const forfragningar: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        forfragningar.push(req.url ?? '');
        res.end('body{color:red}');
      });
      server.on('connection', () => forfragningar.push('(TCP connection)'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );

    it('loads nothing but data: URLs, connects nowhere and runs no script', async () => {
      const bas = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${bas}/s.css"><style>@import url(${bas}/i.css); body { background: url(${bas}/b.png) }</style></head>
        <body><p>Brödtext</p><img src="${bas}/x.png"><img src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>').toString('base64')}">
        <iframe src="file:///etc/passwd"></iframe><iframe src="${bas}/f"></iframe><script>document.body.append('skript körde')</script>
        <object data="${bas}/o"></object><video poster="${bas}/v.png"></video></body></html>`;
      const text = blanksteg(await pdfText(await tva.print(html)));
      expect(text).toContain('Brödtext');
      expect(text).not.toContain('skript körde');
      expect(text).not.toContain('root:');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(forfragningar).toEqual([]);
    });
  });
});
