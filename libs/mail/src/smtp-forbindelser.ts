import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
// Internal paths of nodemailer (pinned exactly in package.json); what goes over the wire is tested against SmtpSink.
import type { RaMeddelande } from './ra-meddelande';

/** Well inside the outbox lease (OUTBOX_LEASE_MS, 120 s): a hung server fails the send before another worker may take the row over. */
const TIDSGRANSER = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/**
 * Up to `max` open SMTP connections (nodemailer's SMTPConnection: STARTTLS, AUTH and PIPELINING),
 * each sending one message at a time. nodemailer's pooled transport spends about 0.4 ms of CPU
 * per mail on its plugin and stream pipeline around the same connection; a reminder burst at 08:00
 * cannot afford that. A connection that failed in any way is closed, never reused.
 */
export class SmtpForbindelser {
  private readonly lediga: SMTPConnection[] = [];
  private readonly koande: (() => void)[] = [];
  private readonly kastade = new WeakSet<SMTPConnection>();
  private oppna = 0;
  private stangd = false;
  private readonly alternativ: SMTPConnection.Options & { auth?: { user: string; pass: string } };

  constructor(
    url: string,
    private readonly max: number,
  ) {
    this.alternativ = { ...parseConnectionUrl(url), ...TIDSGRANSER } as typeof this.alternativ;
  }

  async send(meddelande: RaMeddelande): Promise<void> {
    const forbindelse = await this.acquire();
    try {
      await new Promise<void>((resolve, reject) =>
        forbindelse.send(meddelande.envelope, meddelande.raw, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      this.discard(forbindelse);
      throw error;
    }
    this.release(forbindelse);
  }

  close(): void {
    this.stangd = true;
    for (const forbindelse of this.lediga.splice(0)) forbindelse.quit();
  }

  private async acquire(): Promise<SMTPConnection> {
    for (;;) {
      const ledig = this.lediga.pop();
      if (ledig) return ledig;
      if (this.oppna < this.max) return this.open();
      await new Promise<void>((r) => this.koande.push(r));
    }
  }

  private async open(): Promise<SMTPConnection> {
    this.oppna++;
    const forbindelse = new SMTPConnection(this.alternativ);
    // The server may close an idle connection (or go away): forget it rather than send on it.
    forbindelse.on('error', () => this.discard(forbindelse));
    forbindelse.once('end', () => this.discard(forbindelse));
    try {
      await new Promise<void>((resolve, reject) => {
        forbindelse.once('error', reject);
        forbindelse.connect(() => {
          forbindelse.removeListener('error', reject);
          resolve();
        });
      });
      if (this.alternativ.auth)
        await new Promise<void>((resolve, reject) =>
          forbindelse.login(this.alternativ.auth, (error) => (error ? reject(error) : resolve())),
        );
    } catch (error) {
      this.discard(forbindelse);
      throw error;
    }
    return forbindelse;
  }

  private release(forbindelse: SMTPConnection): void {
    if (this.stangd) return void forbindelse.quit();
    this.lediga.push(forbindelse);
    this.koande.shift()?.();
  }

  private discard(forbindelse: SMTPConnection): void {
    if (this.kastade.has(forbindelse)) return;
    this.kastade.add(forbindelse);
    this.oppna--;
    const i = this.lediga.indexOf(forbindelse);
    if (i >= 0) this.lediga.splice(i, 1);
    forbindelse.close();
    this.koande.shift()?.();
  }
}
