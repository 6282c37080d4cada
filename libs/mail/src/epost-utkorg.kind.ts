import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { EntityManager } from 'typeorm';
import { Utkorg, UtkorgJobb, UtkorgRader, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { EpostMallar } from './epost-mallar.service';
import { EpostUtkorg, KoadEpost } from './epost-utkorg';
import { sendAsUtfall } from './epost-utfall';
import { Bilaga, Mailer } from './mailer.service';

const lista = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** One-off mails (a remiss sent, an answer expedierat …) as a kind of the outbox: rows of `epost_utkorg`. */
@Injectable()
export class EpostUtkorgKind extends EpostUtkorg implements UtkorgTyp, OnModuleInit {
  readonly namn = 'epost';
  readonly tabell = 'epost_utkorg' as const;

  constructor(
    private readonly typer: UtkorgTyper,
    private readonly rader: UtkorgRader,
    private readonly utkorg: Utkorg,
    private readonly mailer: Mailer,
    private readonly mallar: EpostMallar,
    private readonly clock: Clock,
  ) {
    super();
  }

  onModuleInit(): void {
    this.typer.register(this);
  }

  async enqueue(manager: EntityManager, organisationId: string, utkast: KoadEpost): Promise<string> {
    const epost = 'mall' in utkast ? this.mallar.render(utkast) : utkast;
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO epost_utkorg (organisation_id, till, kopia, avsandarnamn, svara_till, amne, text, html, message_id, due_at, bilagor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        organisationId,
        lista(epost.to),
        lista(epost.cc),
        epost.avsandarnamn ?? null,
        epost.replyTo ?? null,
        epost.subject,
        epost.text,
        epost.html ?? null,
        epost.messageId,
        this.clock.now(),
        utkast.bifogadeFiler ?? [],
      ],
    );
    return row.id;
  }

  dispatch(ids: string[]): Promise<void> {
    return this.utkorg.enqueue(this, ids);
  }

  /**
   * A sent mail keeps its recipients, subject and Message-ID but not its body: an invitation
   * carries the external party's personal link, whose token is otherwise stored only as a hash.
   */
  async afterPerformed(manager: EntityManager, ids: string[]): Promise<UtkorgJobb[]> {
    await manager.query(`UPDATE epost_utkorg SET text = '', html = NULL WHERE id = ANY($1::uuid[])`, [ids]);
    return [];
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const rows: {
      id: string;
      till: string[];
      kopia: string[];
      avsandarnamn: string | null;
      svara_till: string | null;
      amne: string;
      text: string;
      html: string | null;
      message_id: string;
      bilagor: string[];
    }[] = await this.rader.dataSource.query(
      `SELECT id, till, kopia, avsandarnamn, svara_till, amne, text, html, message_id, bilagor FROM epost_utkorg WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const bilagor = await this.readBilagor(rows.flatMap((r) => r.bilagor));
    const utfall = await Promise.all(
      rows.map(async (r): Promise<[string, UtkorgUtfall]> => [
        r.id,
        await sendAsUtfall(this.mailer, {
          to: r.till,
          cc: r.kopia.length ? r.kopia : undefined,
          avsandarnamn: r.avsandarnamn ?? undefined,
          replyTo: r.svara_till ?? undefined,
          subject: r.amne,
          text: r.text,
          html: r.html ?? undefined,
          messageId: r.message_id,
          ...(r.bilagor.length ? { bilagor: r.bilagor.map((id) => bilagor.get(id)!) } : {}),
        }),
      ]),
    );
    return new Map(utfall);
  }

  /** The stored files mails of a batch attach (immutable rows, so reading them outside the claim is safe). */
  private async readBilagor(ids: string[]): Promise<Map<string, Bilaga>> {
    if (ids.length === 0) return new Map();
    const filer: { id: string; filnamn: string; mimetyp: string; data: Buffer }[] = await this.rader.dataSource.query(
      `SELECT id, filnamn, mimetyp, data FROM fil WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(filer.map((f) => [f.id, { filnamn: f.filnamn, mimetyp: f.mimetyp, data: f.data }]));
  }
}
