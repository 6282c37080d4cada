import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, HTTPRequest, Page, PDFOptions } from 'puppeteer-core';
import { within, PdfFel } from '../pdf-fel';

export interface ChromiumPoolInstallningar {
  chromium: string;
  /** Pages printing at the same time. */
  storlek: number;
  /** Documents after which Chromium is replaced, so a slow leak never grows unbounded. */
  omstartEfter: number;
  /** Limit for every single step: launch, new page, load, print (and, times four, waiting for a free page). */
  timeoutMs: number;
}

/** This machine's network is closed, and a document needs none: Chromium must not try to phone home. */
const FLAGGOR = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  // Defence behind request interception: Chromium opens a TCP connection for a navigating iframe
  // before interception refuses the request. Every connection goes to a closed local port instead,
  // loopback included (`<-loopback>` removes the built-in bypass).
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

export const UTSKRIFT: PDFOptions = { preferCSSPageSize: true, printBackground: true, tagged: true };

/** Pages whose renderer process died ("Page crashed!"): never printed on again. */
const kraschadeSidor = new WeakSet<Page>();
/** How long a failed render waits for a crash report that may follow the failure. */
const KRASCHBESKED_MS = 250;

/** How many step limits a document may wait in line for a free page. */
const VANTETID_I_STEG = 4;

/** A render that met a crashed Chromium is tried again on a new one, at most this many times in all. */
const FORSOK = 3;

/** One launched Chromium, its idle pages, and how much it has done. */
class Webblasare {
  readonly ledigaSidor: Page[] = [];
  aktiva = 0;
  utskrivna = 0;
  /** Closed on purpose (restart, shutdown), as opposed to crashed. */
  avslutas = false;

  constructor(
    readonly browser: Browser,
    private readonly profil: string,
  ) {}

  private stangs = false;

  async close(): Promise<void> {
    this.avslutas = true;
    if (this.stangs) return;
    this.stangs = true;
    await within(5000, 'close Chromium', this.browser.close()).catch(() => this.browser.process()?.kill('SIGKILL'));
    rmSync(this.profil, { recursive: true, force: true });
  }
}

/**
 * One Chromium per process and a bounded pool of pages that are reused between documents. A page
 * runs no JavaScript and may load nothing but data: URLs; each document replaces the whole previous
 * one, and a page whose render failed is closed rather than reused. Chromium is restarted after
 * `omstartEfter` documents and whenever it crashes or disconnects; a render caught by a crash is
 * retried on the new Chromium.
 */
export class ChromiumPool {
  private readonly logger = new Logger('ChromiumPool');
  private nuvarande: Promise<Webblasare> | null = null;
  private ledigaPlatser: number;
  private readonly vantande: (() => void)[] = [];
  private stangd = false;
  omstarter = 0;

  constructor(private readonly installningar: ChromiumPoolInstallningar) {
    this.ledigaPlatser = installningar.storlek;
  }

  /** Prints `html` (a complete document) as a PDF. */
  async print(html: string): Promise<Buffer> {
    for (let forsok = 1; ; forsok++) {
      await this.acquireSlot();
      try {
        return await this.printOnPage(html);
      } catch (error) {
        if (!(error instanceof Kraschad) || forsok >= FORSOK || this.stangd) throw this.toPdfFel(error);
        this.logger.warn(`Chromium went away during a render; retrying (${forsok}/${FORSOK - 1})`);
      } finally {
        this.releaseSlot();
      }
    }
  }

  /** Launches Chromium now rather than at the first document (a worker's start-up). */
  async warm(): Promise<void> {
    await this.currentBrowser();
  }

  /** The Chromium process id, for operators (and the crash test). */
  async chromiumPid(): Promise<number | undefined> {
    return (await this.currentBrowser()).browser.process()?.pid;
  }

  async close(): Promise<void> {
    this.stangd = true;
    const nuvarande = this.nuvarande;
    this.nuvarande = null;
    if (nuvarande) await (await nuvarande.catch(() => undefined))?.close();
  }

  private async printOnPage(html: string): Promise<Buffer> {
    const { timeoutMs } = this.installningar;
    const wb = await this.currentBrowser();
    let sida = this.freePage(wb);
    wb.aktiva++;
    let aterAnvandbar = false;
    // A renderer that dies leaves Chromium's pending answer unanswered: stop waiting at once.
    let vidKrasch: ((error: Error) => void) | undefined;
    const krasch = new Promise<never>((_, reject) => (vidKrasch = (error) => reject(new Kraschad(error))));
    krasch.catch(() => undefined);
    try {
      sida ??= await this.openPageOrRetire(wb);
      sida.on('error', vidKrasch!);
      await Promise.race([sida.setContent(html, { waitUntil: 'load', timeout: timeoutMs }), krasch]);
      const pdf = await Promise.race([sida.pdf({ ...UTSKRIFT, timeout: timeoutMs }), krasch]);
      aterAnvandbar = true;
      return Buffer.from(pdf);
    } catch (error) {
      if (error instanceof Kraschad || !wb.browser.connected || sida?.isClosed()) throw new Kraschad(error);
      // A renderer killed mid-print can answer "Printing failed" just before Chromium reports the crash.
      await Promise.race([krasch, new Promise((resolve) => setTimeout(resolve, KRASCHBESKED_MS))]);
      throw error;
    } finally {
      sida?.off('error', vidKrasch!);
      wb.aktiva--;
      wb.utskrivna++;
      if (aterAnvandbar && !wb.avslutas && wb.browser.connected) wb.ledigaSidor.push(sida!);
      else sida?.close().catch(() => undefined);
      if (wb.utskrivna >= this.installningar.omstartEfter) this.retire(wb);
      if (wb.avslutas && wb.aktiva === 0) void wb.close();
    }
  }

  /** An idle page whose renderer is still alive; a page that crashed while idle is closed. */
  private freePage(wb: Webblasare): Page | undefined {
    for (let sida = wb.ledigaSidor.pop(); sida; sida = wb.ledigaSidor.pop()) {
      if (!kraschadeSidor.has(sida) && !sida.isClosed()) return sida;
      sida.close().catch(() => undefined);
    }
    return undefined;
  }

  /**
   * A Chromium that cannot open a page in time is not one to print on (seen once after its renderers were
   * killed: the new target never answered): it is retired, so the retry gets a new Chromium.
   */
  private async openPageOrRetire(wb: Webblasare): Promise<Page> {
    try {
      return await within(this.installningar.timeoutMs, 'open page', this.openPage(wb.browser));
    } catch (error) {
      this.retire(wb);
      throw new Kraschad(error);
    }
  }

  private async openPage(browser: Browser): Promise<Page> {
    const sida = await browser.newPage();
    sida.on('error', () => kraschadeSidor.add(sida));
    await sida.setJavaScriptEnabled(false);
    await sida.setRequestInterception(true);
    sida.on('request', (request: HTTPRequest) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return sida;
  }

  /** New documents go to a new Chromium; this one closes when its last render is done. */
  private retire(wb: Webblasare): void {
    if (wb.avslutas) return;
    wb.avslutas = true;
    this.omstarter++;
  }

  /** The Chromium to print on: the current one, or a new one when it was retired or went away. */
  private async currentBrowser(): Promise<Webblasare> {
    for (;;) {
      if (this.stangd) throw new PdfFel('The PDF renderer is shut down');
      if (!this.nuvarande) {
        const start = this.launch();
        this.nuvarande = start;
        start.catch(() => {
          if (this.nuvarande === start) this.nuvarande = null;
        });
      }
      const start = this.nuvarande;
      const wb = await start;
      if (!wb.avslutas) return wb;
      if (this.nuvarande === start) this.nuvarande = null;
    }
  }

  private async launch(): Promise<Webblasare> {
    const { chromium, timeoutMs } = this.installningar;
    const profil = mkdtempSync(join(tmpdir(), 'remiss-chromium-'));
    try {
      const browser = await puppeteer.launch({
        executablePath: chromium,
        headless: true,
        pipe: true,
        userDataDir: profil,
        args: FLAGGOR,
        timeout: timeoutMs,
        protocolTimeout: timeoutMs,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      const wb = new Webblasare(browser, profil);
      browser.on('disconnected', () => {
        if (wb.avslutas) return;
        this.logger.warn('Chromium disconnected; the next document starts a new one');
        wb.avslutas = true;
        void wb.close();
      });
      return wb;
    } catch (error) {
      rmSync(profil, { recursive: true, force: true });
      throw new PdfFel(
        `Chromium (${chromium}) could not be started: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async acquireSlot(): Promise<void> {
    if (this.ledigaPlatser > 0) {
      this.ledigaPlatser--;
      return;
    }
    let vantar!: () => void;
    const plats = new Promise<void>((resolve) => (vantar = resolve));
    this.vantande.push(vantar);
    try {
      // Every render ahead in line is bounded by its own step limits; this bound only turns a
      // badly overloaded renderer into an error instead of an ever longer wait.
      await within(VANTETID_I_STEG * this.installningar.timeoutMs, 'wait for a free page', plats);
    } catch (error) {
      // Not yet handed a place: leave the queue. Handed one meanwhile: give it back.
      const index = this.vantande.indexOf(vantar);
      if (index >= 0) this.vantande.splice(index, 1);
      else this.releaseSlot();
      throw error;
    }
  }

  private releaseSlot(): void {
    const nasta = this.vantande.shift();
    if (nasta) nasta();
    else this.ledigaPlatser++;
  }

  private toPdfFel(error: unknown): PdfFel {
    if (error instanceof PdfFel) return error;
    const orsak = error instanceof Kraschad ? error.orsak : error;
    return new PdfFel(`Rendering the PDF failed: ${orsak instanceof Error ? orsak.message : String(orsak)}`);
  }
}

/** The render failed because Chromium or its page went away, not because of the document. */
class Kraschad extends Error {
  readonly orsak: unknown;
  constructor(orsak: unknown) {
    super(orsak instanceof Error ? orsak.message : String(orsak));
    this.orsak = orsak instanceof Kraschad ? orsak.orsak : orsak;
  }
}
