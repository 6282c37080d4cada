import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, StartupError } from '@app/core';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { LastMeddelande, readMime } from './mime-lasare';

/** A mail the development sink caught. */
export interface FangadEpost extends LastMeddelande {
  id: string;
  mottagen: Date;
  /** The envelope's recipients (To and Cc alike). */
  mottagare: string[];
}

/**
 * Bigger than any mail the platform writes (a kvittens attaches an answer's PDF, base64: a third
 * larger): a refusal would be a 5xx, and the outbox gives up on those. Only the text is kept.
 */
const STORSTA_MEDDELANDE = 64 * 1024 * 1024;

/**
 * The development mail sink: with no SMTP_URL outside production the process runs a small SMTP
 * server of its own on 127.0.0.1 (`smtp-server`) and keeps the latest DEV_SMTP_KEEP mails in memory,
 * newest first, for the page /utveckling/epost. Nothing is written to disk and nothing is relayed.
 */
@Injectable()
export class Utvecklingsbrevlada implements OnModuleDestroy {
  private readonly logger = new Logger('Utvecklingsbrevlada');
  private readonly mails: FangadEpost[] = [];
  private server?: SMTPServer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this process catches its mail here (it does once `start` has run). */
  get active(): boolean {
    return this.server !== undefined;
  }

  /** The latest mails, newest first. */
  list(): readonly FangadEpost[] {
    return this.mails;
  }

  get(id: string): FangadEpost | undefined {
    return this.mails.find((m) => m.id === id);
  }

  /** Starts the server; returns the SMTP_URL the Mailer sends to. */
  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: STORSTA_MEDDELANDE,
      closeTimeout: 200,
      onData: (stream, session, callback) => {
        const delar: Buffer[] = [];
        stream.on('data', (del: Buffer) => delar.push(del));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too big'), { responseCode: 552 }));
            return;
          }
          this.keep(
            Buffer.concat(delar),
            session.envelope.rcptTo.map((r) => r.address),
          );
          callback();
        });
      },
    });
    const port = this.config.DEV_SMTP_PORT;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new StartupError(
                `The development mail sink cannot listen on 127.0.0.1:${port}, which is in use: set DEV_SMTP_PORT to a free port, or SMTP_URL to a mail server.`,
              )
            : error,
        ),
      );
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', (error: Error) => this.logger.warn(`SMTP: ${error.message}`));
    this.server = server;
    const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    this.logger.log(`no SMTP_URL: mail is caught at ${url} and shown at /utveckling/epost`);
    return url;
  }

  private keep(data: Buffer, mottagare: string[]): void {
    // DATA ends with the line break before its final "."; the platform's messages end without one.
    const raw = data.subarray(0, data.length - (data.subarray(-2).toString() === '\r\n' ? 2 : 0));
    this.mails.unshift({ id: randomUUID(), mottagen: new Date(), mottagare, ...readMime(raw) });
    this.mails.length = Math.min(this.mails.length, this.config.DEV_SMTP_KEEP);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
