// npm run bench:pdf — how close the PDF renderer comes to Chromium's own speed.
// Prints, for the UN2025/412 answer: (1) the floor, the same final HTML printed by a bare reused
// puppeteer page; (2) PdfService in process; (3) through the `pdf` queue and a worker; (4) a new
// Chromium per document. For each: warm median ms per PDF, PDFs/s at concurrency 1 and 2, and the
// peak RSS of this process and its Chromium children while the mode ran. Needs Redis (REDIS_URL,
// default redis://127.0.0.1:6379) for (3). Then archival_ratio: the PDF/A rendition's median ms over
// the print's (PdfService), with the CPU time each costs, and Ghostscript's for comparison.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { loadConfig, SystemClock } from '@app/core';
import { ChromiumPool, UTSKRIFT } from '@app/pdf/chromium/chromium-pool.service';
import { findChromium } from '@app/pdf/chromium/chromium-sokvag';
import { UN2025_412 } from '@app/pdf/exempel/un2025-412';
import { PdfKoKlient } from '@app/pdf/ko/pdf-ko-klient.service';
import { PdfKoWorker } from '@app/pdf/ko/pdf-ko.worker';
import { Mallar } from '@app/pdf/mallar/mallar.service';
import { PdfService } from '@app/pdf/pdf.service';
import { PdfaKonverterare } from '@app/pdf/pdfa/pdfa-konverterare.service';
import { remissvarVy } from '@app/pdf/vy/remissvar-vy';

const FLAGGOR = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Lage {
  namn: string;
  /** Documents per round and measurement: launching Chromium per PDF takes a second, so it gets one. */
  perVarv: number;
  starta(): Promise<void>;
  rendera(): Promise<Buffer>;
  /** The Chromium processes of this mode now (roots of their process trees), for its peak memory. */
  chromiumPids(): Promise<number[]>;
  stoppa(): Promise<void>;
}

interface Matning {
  tider: number[];
  sekunder1: number;
  antal1: number;
  sekunder2: number;
  antal2: number;
  toppPss: number;
}

/**
 * Proportional set size of a process and its descendants: Chromium's processes share much of
 * their memory, which a plain RSS sum would count once per process.
 */
function pssTrad(rot: number): number {
  let summa = 0;
  const kvar = [rot];
  while (kvar.length) {
    const pid = kvar.pop()!;
    try {
      summa += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      for (const trad of readdirSync(`/proc/${pid}/task`)) {
        kvar.push(...readFileSync(`/proc/${pid}/task/${trad}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return summa;
}

/** The processes of a tree (a root and its descendants) with the CPU ticks (user + system, 100 Hz) each has used itself. */
function tradTicks(rot: number): Map<number, number> {
  const ticks = new Map<number, number>();
  const kvar = [rot];
  while (kvar.length) {
    const pid = kvar.pop()!;
    try {
      const falt = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(falt[11]) + Number(falt[12]));
      for (const trad of readdirSync(`/proc/${pid}/task`)) {
        kvar.push(...readFileSync(`/proc/${pid}/task/${trad}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/**
 * Starts counting the CPU milliseconds a process tree uses; the function it answers stops and tells.
 * The tree is sampled every 20 ms, each process counted from its ticks when first seen (from 0 if
 * born after the start). Chromium ends renderers as it goes and they are reaped outside the tree
 * (their time never reaches an ancestor's cutime), so a tree sum read twice ran backwards; sampling
 * loses at most a dying renderer's last 20 ms.
 */
function cpuTrad(rot: number): () => number {
  const forst = tradTicks(rot);
  const sist = new Map(forst);
  const sample = () => tradTicks(rot).forEach((ticks, pid) => sist.set(pid, ticks));
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    let summa = 0;
    sist.forEach((ticks, pid) => (summa += ticks - (forst.get(pid) ?? 0)));
    return summa * 10;
  };
}

/** CPU ms of this process' own threads, and of its finished children (Ghostscript) as /proc counts them. */
function cpuEgen(): { egen: number; barn: number } {
  const falt = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return { egen: (Number(falt[11]) + Number(falt[12])) * 10, barn: (Number(falt[13]) + Number(falt[14])) * 10 };
}

/** Starts counting CPU ms by reading a counter now and at the end. */
const fran = (cpu: () => number) => () => {
  const fore = cpu();
  return () => cpu() - fore;
};

/** Median wall ms and mean CPU ms per call of `arbete`, run `antal` times one after another; `cpu` starts a count. */
async function tidOchCpu(antal: number, cpu: () => () => number, arbete: () => Promise<unknown>) {
  const tider: number[] = [];
  const stopp = cpu();
  for (let i = 0; i < antal; i++) {
    const borjan = performance.now();
    await arbete();
    tider.push(performance.now() - borjan);
  }
  return { medianMs: median(tider), cpuMs: stopp() / antal };
}

function median(tider: number[]): number {
  const s = [...tider].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function kontrollerad(rendera: () => Promise<Buffer>): Promise<void> {
  const pdf = await rendera();
  if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
}

/** `antal` documents with `samtidiga` callers in a loop; returns the seconds it took. */
async function skur(antal: number, samtidiga: number, rendera: () => Promise<Buffer>): Promise<number> {
  let kvar = antal;
  const borjan = performance.now();
  await Promise.all(
    Array.from({ length: samtidiga }, async () => {
      while (kvar-- > 0) await kontrollerad(rendera);
    }),
  );
  return (performance.now() - borjan) / 1000;
}

/**
 * Measures the modes in rounds, taking turns, so that load from elsewhere on the machine falls on
 * all of them alike and the ratios stay meaningful on a shared 2-core machine.
 */
async function matVarvis(lagen: Lage[], varv: number): Promise<Matning[]> {
  const matningar = lagen.map(() => ({
    tider: [] as number[],
    sekunder1: 0,
    antal1: 0,
    sekunder2: 0,
    antal2: 0,
    toppPss: 0,
  }));
  const prov = () =>
    lagen.forEach(async (lage, i) => {
      const pids = await lage.chromiumPids().catch(() => []);
      matningar[i].toppPss = Math.max(
        matningar[i].toppPss,
        pids.reduce((summa, pid) => summa + pssTrad(pid), 0),
      );
    });
  const provtagning = setInterval(prov, 1000);
  try {
    for (const lage of lagen)
      for (let i = 0; i < Math.min(5, lage.perVarv); i++) await kontrollerad(() => lage.rendera());
    for (let v = 0; v < varv; v++) {
      // Single documents alternate between the modes, so that neighbouring samples share the load.
      for (let k = 0; k < Math.max(...lagen.map((l) => l.perVarv)); k++) {
        for (const [i, lage] of lagen.entries()) {
          if (k >= lage.perVarv) continue;
          const borjan = performance.now();
          await kontrollerad(() => lage.rendera());
          matningar[i].tider.push(performance.now() - borjan);
        }
      }
      for (const [i, lage] of lagen.entries()) {
        matningar[i].sekunder1 += await skur(lage.perVarv, 1, () => lage.rendera());
        matningar[i].antal1 += lage.perVarv;
      }
      for (const [i, lage] of lagen.entries()) {
        matningar[i].sekunder2 += await skur(2 * lage.perVarv, 2, () => lage.rendera());
        matningar[i].antal2 += 2 * lage.perVarv;
      }
    }
  } finally {
    clearInterval(provtagning);
  }
  return matningar;
}

async function startaChromium(chromium: string): Promise<{ browser: Browser; profil: string }> {
  const profil = mkdtempSync(join(tmpdir(), 'remiss-bench-'));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    pipe: true,
    userDataDir: profil,
    args: FLAGGOR,
  });
  return { browser, profil };
}

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const chromium = findChromium(config.CHROMIUM_PATH);
  const redisUrl = config.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const mallar = new Mallar(config.TEMPLATES_DIR);
  const html = mallar.html('remissvar', UN2025_412.brevhuvud, remissvarVy(UN2025_412));
  const poolInstallningar = {
    chromium,
    storlek: config.PDF_POOL_SIZE,
    omstartEfter: config.PDF_RESTART_AFTER,
    timeoutMs: config.PDF_TIMEOUT_MS,
  };
  const pdfa = new PdfaKonverterare({
    ghostscript: config.GHOSTSCRIPT_PATH,
    iccProfil: config.PDFA_ICC_PROFILE,
    timeoutMs: config.PDF_TIMEOUT_MS,
  });

  let golv: { browser: Browser; profil: string; lediga: Page[] } | undefined;
  const golvLage: Lage = {
    namn: '(1) floor: bare reused page',
    perVarv: 6,
    chromiumPids: async () => [golv!.browser.process()!.pid!],
    async starta() {
      golv = { ...(await startaChromium(chromium)), lediga: [] };
    },
    async rendera() {
      const sida = golv!.lediga.pop() ?? (await golv!.browser.newPage());
      try {
        await sida.setContent(html, { waitUntil: 'load' });
        return Buffer.from(await sida.pdf(UTSKRIFT));
      } finally {
        golv!.lediga.push(sida);
      }
    },
    async stoppa() {
      await golv!.browser.close();
      rmSync(golv!.profil, { recursive: true, force: true });
    },
  };

  const naivaPids = new Set<number>();
  let service: PdfService | undefined;
  let pool: ChromiumPool | undefined;
  const egenLage: Lage = {
    namn: '(2) PdfService in process',
    perVarv: 6,
    chromiumPids: async () => [(await pool!.chromiumPid())!],
    async starta() {
      pool = new ChromiumPool(poolInstallningar);
      service = new PdfService(mallar, pool, pdfa, new SystemClock());
      await pool.warm();
    },
    rendera: () => service!.renderRemissvar(UN2025_412),
    stoppa: () => pool!.close(),
  };

  let ko: { pool: ChromiumPool; worker: PdfKoWorker; klient: PdfKoKlient } | undefined;
  const koLage: Lage = {
    namn: '(3) pdf queue + worker',
    perVarv: 6,
    chromiumPids: async () => [(await ko!.pool.chromiumPid())!],
    async starta() {
      const prefix = `bench-${randomBytes(4).toString('hex')}`;
      const koPool = new ChromiumPool(poolInstallningar);
      await koPool.warm();
      const worker = new PdfKoWorker(new PdfService(mallar, koPool, pdfa, new SystemClock()), {
        redisUrl,
        prefix,
        samtidiga: config.PDF_POOL_SIZE,
      });
      await worker.ready();
      ko = {
        pool: koPool,
        worker,
        klient: new PdfKoKlient({ redisUrl, prefix, timeoutMs: config.PDF_QUEUE_TIMEOUT_MS }),
      };
    },
    rendera: () => ko!.klient.renderRemissvar(UN2025_412),
    async stoppa() {
      await ko!.klient.onApplicationShutdown();
      await ko!.worker.beforeApplicationShutdown();
      await ko!.pool.close();
    },
  };

  const naivLage: Lage = {
    namn: '(4) naive: Chromium per PDF',
    perVarv: 1,
    chromiumPids: async () => [...naivaPids],
    async starta() {},
    async rendera() {
      const { browser, profil } = await startaChromium(chromium);
      const pid = browser.process()!.pid!;
      naivaPids.add(pid);
      try {
        const sida = await browser.newPage();
        await sida.setContent(html, { waitUntil: 'load' });
        return Buffer.from(await sida.pdf(UTSKRIFT));
      } finally {
        await browser.close();
        naivaPids.delete(pid);
        rmSync(profil, { recursive: true, force: true });
      }
    },
    async stoppa() {},
  };

  console.log(
    `bench:pdf — UN2025/412 (${html.length} bytes of HTML), pool ${config.PDF_POOL_SIZE}, Chromium ${chromium}`,
  );
  const lagen = [golvLage, egenLage, koLage, naivLage];
  for (const lage of lagen) await lage.starta();
  let matningar: Matning[];
  let arkivering: { utskrift: Matt; pdfa: Matt; ghostscript: Matt } | undefined;
  try {
    matningar = await matVarvis(lagen, 8);
    arkivering = await matArkivering(service!, pdfa, (await pool!.chromiumPid())!);
  } finally {
    for (const lage of lagen) await lage.stoppa();
  }
  const rader = matningar.map((m) => ({
    medianMs: median(m.tider),
    perSekund1: m.antal1 / m.sekunder1,
    perSekund2: m.antal2 / m.sekunder2,
    pssMb: m.toppPss / 1024 / 1024,
  }));
  console.log(
    `${'mode'.padEnd(30)} ${'median ms'.padStart(10)} ${'PDFs/s c=1'.padStart(11)} ${'PDFs/s c=2'.padStart(11)} ${'peak MB'.padStart(8)}`,
  );
  for (const [i, lage] of lagen.entries()) {
    const r = rader[i];
    console.log(
      `${lage.namn.padEnd(30)} ${r.medianMs.toFixed(1).padStart(10)} ${r.perSekund1.toFixed(1).padStart(11)} ${r.perSekund2.toFixed(1).padStart(11)} ${r.pssMb.toFixed(0).padStart(8)}`,
    );
  }
  console.log(
    `peak MB: proportional set size (PSS) of the mode's Chromium processes; this Node process itself: ${(pssTradUtanBarn(process.pid) / 1024 / 1024).toFixed(0)} MB.`,
  );
  const [golvR, egen, viaKo, naivR] = rader;
  console.log(
    'Ratios: median (2)/(1) of ms per PDF; throughput (2)/(1) and queue (3)/(1) of PDFs/s at concurrency 2; naive_speedup: median ms of (4) over (2).',
  );
  console.log('Targets: median_ratio <= 1.25, throughput_ratio >= 0.8, queue_ratio >= 0.7, naive_speedup >= 10.');
  console.log(
    `bench:pdf median_ratio=${(egen.medianMs / golvR.medianMs).toFixed(2)} throughput_ratio=${(egen.perSekund2 / golvR.perSekund2).toFixed(2)} queue_ratio=${(viaKo.perSekund2 / golvR.perSekund2).toFixed(2)} naive_speedup=${(naivR.medianMs / egen.medianMs).toFixed(2)}`,
  );
  const { utskrift, pdfa: a, ghostscript: gs } = arkivering!;
  console.log(
    `archival rendition of UN2025/412: print ${utskrift.medianMs.toFixed(1)} ms (CPU ${utskrift.cpuMs.toFixed(0)} ms in Chromium + this process), ` +
      `PDF/A written into Chromium's output ${a.medianMs.toFixed(1)} ms (CPU ${a.cpuMs.toFixed(0)} ms), ` +
      `Ghostscript ${gs.medianMs.toFixed(1)} ms (CPU ${gs.cpuMs.toFixed(0)} ms in gs + this process). Target: archival_ratio <= 2.`,
  );
  console.log(
    `bench:pdf archival_ratio=${(a.medianMs / utskrift.medianMs).toFixed(2)} archival_cpu_ratio=${(a.cpuMs / utskrift.cpuMs).toFixed(2)} ghostscript_ratio=${(gs.medianMs / utskrift.medianMs).toFixed(2)}`,
  );
}

type Matt = { medianMs: number; cpuMs: number };

/** The archival rendition against the print it is made from: the way the platform uses it, and Ghostscript's. */
async function matArkivering(service: PdfService, pdfa: PdfaKonverterare, chromiumPid: number) {
  const meta = { title: UN2025_412.titel, author: 'Utbildningsnämnden', subject: 'Yttrande', keywords: ['UN2025/412'] };
  const info = { ...meta, skapad: new Date(), producent: 'bench' };
  const pdf = await service.renderRemissvar(UN2025_412);
  await pdfa.convert(pdf, info);
  const utskrift = await tidOchCpu(
    12,
    () => {
      const chromium = cpuTrad(chromiumPid);
      const egen = fran(() => cpuEgen().egen)();
      return () => chromium() + egen();
    },
    () => service.renderRemissvar(UN2025_412),
  );
  const snabb = await tidOchCpu(
    12,
    fran(() => cpuEgen().egen),
    () => pdfa.convert(pdf, info),
  );
  const ghostscript = await tidOchCpu(
    4,
    fran(() => cpuEgen().egen + cpuEgen().barn),
    () => pdfa.convertWithGhostscript(pdf, info),
  );
  return { utskrift, pdfa: snabb, ghostscript };
}

function pssTradUtanBarn(pid: number): number {
  return Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
