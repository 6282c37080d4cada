import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainError } from '@app/core';
import { extname, join } from 'node:path';
import { OSOKBAR_OBJEKTSTROM } from './granskning/aktivt-innehall';
import { LasareData, LasResultat, LasUppdrag } from './granskning/pdf-lasning';
import { WorkerCrashed, WorkerPool, WorkerPoolClosed, WorkerPoolFull, WorkerTimeout } from './granskning/worker-pool';

/** What an upload turned out to be: a PDF that opens, with the text of every page. */
export interface GranskadPdf {
  data: Buffer;
  sha256: string;
  sidor: string[];
}

/** The first bytes of formats people upload by mistake, so the refusal can say what the file is. */
const KANDA_FORMAT: [prefix: string, namn: string][] = [
  ['504b0304', 'en ZIP-fil (t.ex. Word- eller Excel-dokument)'],
  ['d0cf11e0', 'ett äldre Office-dokument'],
  ['89504e47', 'en PNG-bild'],
  ['ffd8ff', 'en JPEG-bild'],
  ['7b5c727466', 'ett RTF-dokument'],
];

/** What the active content found is called, in English and Swedish. */
const AKTIVT: Record<string, [string, string]> = {
  JavaScript: ['JavaScript', 'JavaScript'],
  Launch: ['a Launch action', 'en åtgärd som startar program'],
  [OSOKBAR_OBJEKTSTROM]: [
    'an object stream that cannot be inspected for actions',
    'en komprimerad del som inte kan granskas',
  ],
};

/** The worker's entry beside this file: `.ts` under Jest and ts-node, `.js` in the build. */
const LASARE = join(__dirname, 'granskning', `pdf-lasning.worker${extname(__filename)}`);

/**
 * Checks an uploaded file before anything is stored: size and the `%PDF-` magic bytes here; opening
 * it, encryption, active content and the text of every page in a pool of worker threads, within
 * budgets of time, memory, pages and text (quotations are checked against the text).
 */
@Injectable()
export class PdfGranskning implements OnModuleDestroy {
  readonly maxBytes: number;
  private readonly logger = new Logger('PdfGranskning');
  private pool?: WorkerPool<LasUppdrag, LasResultat>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.maxBytes = config.PDF_UPLOAD_MAX_MB * 1024 * 1024;
  }

  /**
   * A Buffer that begins an ArrayBuffer of its own (what the upload interceptor collects) is lent to
   * the reading thread, not copied, and comes back as the result's `data`: the caller must read the
   * returned bytes, not the ones it passed. Any other Buffer is copied first.
   */
  async checkPdf(data: Buffer | undefined, filnamn = 'filen'): Promise<GranskadPdf> {
    if (!data || data.length === 0) throw new DomainError('FILE_MISSING');
    if (data.length > this.maxBytes) throw this.forStor();
    if (!data.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      const hex = data.subarray(0, 8).toString('hex');
      const kant = KANDA_FORMAT.find(([prefix]) => hex.startsWith(prefix))?.[1];
      throw new DomainError('NOT_A_PDF', { filnamn, format: kant });
    }
    const resultat = await this.read(data, filnamn);
    if (!resultat.ok) throw this.avslag(resultat, filnamn);
    const bytes = Buffer.from(resultat.data.buffer, resultat.data.byteOffset, resultat.data.byteLength);
    return { data: bytes, sha256: resultat.sha256, sidor: resultat.sidor };
  }

  forStor(): DomainError {
    const mb = this.maxBytes / 1024 / 1024;
    return new DomainError('FILE_TOO_LARGE', { mb });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private async read(data: Buffer, filnamn: string): Promise<LasResultat> {
    this.pool ??= new WorkerPool<LasUppdrag, LasResultat>({
      entry: LASARE,
      size: this.config.PDF_INSPECTION_WORKERS,
      maxQueue: this.config.PDF_INSPECTION_QUEUE,
      timeoutMs: this.config.PDF_INSPECTION_TIMEOUT_MS,
      stepTimeoutMs: this.config.PDF_INSPECTION_PAGE_TIMEOUT_MS,
      resourceLimits: { maxOldGenerationSizeMb: this.config.PDF_INSPECTION_MEMORY_MB },
      workerData: { nice: this.config.PDF_INSPECTION_NICE } satisfies LasareData,
    });
    const lanas = data.byteOffset === 0 && data.buffer.byteLength > Buffer.poolSize;
    const bytes = lanas ? new Uint8Array(data.buffer as ArrayBuffer, 0, data.length) : new Uint8Array(data);
    const uppdrag: LasUppdrag = {
      data: bytes,
      maxSidor: this.config.PDF_MAX_SIDOR,
      maxTextBytes: this.config.PDF_MAX_TEXT_MB * 1024 * 1024,
      maxInflatedBytes: this.config.PDF_INSPECTION_MEMORY_MB * 1024 * 1024,
    };
    try {
      return await this.pool.run(uppdrag, [bytes.buffer]);
    } catch (e) {
      // Closed: the process is stopping; another instance (or this one restarted) takes the retry.
      if (e instanceof WorkerPoolFull || e instanceof WorkerPoolClosed) throw new DomainError('PDF_INSPECTION_BUSY');
      if (e instanceof WorkerTimeout) throw this.forKomplex(filnamn, e.step ? 'page time' : 'time');
      if (e instanceof WorkerCrashed && e.outOfMemory) throw this.forKomplex(filnamn, 'memory');
      if (e instanceof WorkerCrashed) {
        // Most likely the file broke pdfjs in a way it does not catch; logged in case it was the worker itself.
        this.logger.error(`a PDF reading thread died on ${filnamn}: ${e.message}`);
        throw this.avslag({ ok: false, fel: 'PDF_CORRUPT', detalj: 'the reader stopped' }, filnamn);
      }
      throw e;
    }
  }

  private avslag(resultat: Extract<LasResultat, { ok: false }>, filnamn: string): DomainError {
    switch (resultat.fel) {
      case 'PDF_ENCRYPTED':
        return new DomainError('PDF_ENCRYPTED', { filnamn });
      case 'PDF_CORRUPT':
        return new DomainError('PDF_CORRUPT', { filnamn, detalj: resultat.detalj });
      case 'PDF_TOO_MANY_PAGES':
        return new DomainError('PDF_TOO_MANY_PAGES', {
          filnamn,
          sidantal: resultat.sidantal ?? 0,
          maxSidor: this.config.PDF_MAX_SIDOR,
        });
      case 'PDF_TEXT_TOO_LARGE':
        return new DomainError('PDF_TEXT_TOO_LARGE', { filnamn, mb: this.config.PDF_MAX_TEXT_MB });
      case 'PDF_ACTIVE_CONTENT': {
        const [engelska, svenska] = AKTIVT[resultat.detalj ?? ''] ?? AKTIVT.JavaScript;
        return new DomainError('PDF_ACTIVE_CONTENT', { filnamn, engelska, svenska });
      }
      case 'PDF_TOO_COMPLEX':
        return this.forKomplex(filnamn, 'memory');
    }
  }

  private forKomplex(filnamn: string, budget: 'time' | 'page time' | 'memory'): DomainError {
    return new DomainError('PDF_TOO_COMPLEX', { filnamn, budget });
  }
}
