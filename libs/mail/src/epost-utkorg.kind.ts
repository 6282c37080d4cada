import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { EntityManager } from 'typeorm';
import { Utkorg, UtkorgJobb, UtkorgRader, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { EpostMallar, MallEpost } from './epost-mallar.service';
import { EpostUtkorg, UtgaendeEpost } from './epost-utkorg';
import { sendAsUtfall } from './epost-utfall';
import { EpostBilaga, Mailer } from './mailer.service';

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

  async enqueue(manager: EntityManager, organisationId: string, utkast: UtgaendeEpost): Promise<string> {
    const { bifogadeFiler = [], ...meddelande } = utkast;
    const epost = 'mall' in meddelande ? this.mallar.render(meddelande as MallEpost) : meddelande;
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO epost_utkorg (organisation_id, till, kopia, avsandarnamn, svara_till, amne, text, html, message_id, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
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
      ],
    );
    if (bifogadeFiler.length) {
      // Only the mail's own organisation's files: files never cross tenants (ArkivService's copy rule).
      const bifogade: unknown[] = await manager.query(
        `INSERT INTO epost_bilaga (epost_id, ordning, fil_id)
         SELECT $1, b.ordning, f.id FROM unnest($2::uuid[]) WITH ORDINALITY AS b(fil_id, ordning)
         JOIN fil f ON f.id = b.fil_id AND f.organisation_id = $3
         RETURNING fil_id`,
        [row.id, bifogadeFiler, organisationId],
      );
      if (bifogade.length !== bifogadeFiler.length)
        throw new Error(`A mail of organisation ${organisationId} may attach only that organisation's stored files`);
    }
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
    }[] = await this.rader.dataSource.query(
      `SELECT id, till, kopia, avsandarnamn, svara_till, amne, text, html, message_id FROM epost_utkorg WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const bilagor = await this.bilagor(ids);
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
          bilagor: bilagor.get(r.id),
          messageId: r.message_id,
        }),
      ]),
    );
    return new Map(utfall);
  }

  /** The attached files of the batch's mails, read when sending (a sent mail keeps only the references). */
  private async bilagor(ids: string[]): Promise<Map<string, EpostBilaga[]>> {
    const rows: { epost_id: string; filnamn: string; mimetyp: string; data: Buffer }[] =
      await this.rader.dataSource.query(
        `SELECT b.epost_id, f.filnamn, f.mimetyp, f.data FROM epost_bilaga b JOIN fil f ON f.id = b.fil_id
       WHERE b.epost_id = ANY($1::uuid[]) ORDER BY b.epost_id, b.ordning`,
        [ids],
      );
    const perEpost = new Map<string, EpostBilaga[]>();
    for (const { epost_id, ...bilaga } of rows) perEpost.set(epost_id, [...(perEpost.get(epost_id) ?? []), bilaga]);
    return perEpost;
  }
}
