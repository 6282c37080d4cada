import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The From header as written: `"name" <address>`. */
  from: string;
  /** The Reply-To header's address(es), '' when there is none. */
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Files attached to the mail (a kvittens carries the answer as PDF). */
  attachments: { filename: string; contentType: string; content: Buffer }[];
  receivedAt: Date;
}

/**
 * A real SMTP server for tests (the `smtp-server` package): collects what it receives, can refuse
 * recipients with a 550, and can be stopped and started again on the same port to play "SMTP down".
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Recipients refused with "550 mailbox unavailable". */
  readonly rejected = new Set<string>();
  private server?: SMTPServer;
  private listeningPort = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.listeningPort}`;
  }

  async start(port = this.listeningPort): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Senders keep pooled connections open; stop() must not wait the default 30 s for them to leave.
      closeTimeout: 200,
      onRcptTo: (address, _session, callback) => {
        if (this.rejected.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: parsed.from?.text ?? '',
              replyTo: parsed.replyTo?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                content: a.content,
              })),
              receivedAt: new Date(),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A sender that dies mid-mail (a SIGKILLed worker) resets its connection: expected here, not a test failure.
    server.on('error', () => undefined);
    this.listeningPort = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits until `count` mails have arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.received;
  }
}
