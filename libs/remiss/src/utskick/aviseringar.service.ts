import { Injectable, Logger } from '@nestjs/common';
import { Epost, EpostUtkorg, MallEpost } from '@app/mail';
import { PaminnelsePlanering, PlaneradePaminnelser } from '@app/reminders';
import { EntityManager } from 'typeorm';

/** What a committed state change hands on: planned reminders and queued mails. */
export interface Efterarbete {
  paminnelser?: PlaneradePaminnelser;
  epost: string[];
}

/**
 * Mails and reminders of the remiss workflow. Both are outbox rows written in the caller's
 * transaction; after commit they are handed to their workers. A failure then (Redis or SMTP
 * down) is only logged: the rows are committed and the reconcilers pick them up.
 */
@Injectable()
export class Aviseringar {
  private readonly logger = new Logger('Aviseringar');

  constructor(
    readonly paminnelser: PaminnelsePlanering,
    private readonly utkorg: EpostUtkorg,
  ) {}

  async enqueue(m: EntityManager, organisationId: string, mails: (Epost | MallEpost)[]): Promise<string[]> {
    const ids: string[] = [];
    for (const mail of mails) ids.push(await this.utkorg.enqueue(m, organisationId, mail));
    return ids;
  }

  async afterCommit(arbete: Efterarbete): Promise<void> {
    try {
      if (arbete.paminnelser?.ids.length) await this.paminnelser.enqueue(arbete.paminnelser);
      if (arbete.epost.length) await this.utkorg.dispatch(arbete.epost);
    } catch (e) {
      this.logger.warn(`handing on after commit failed; the reconcilers will retry: ${(e as Error).message}`);
    }
  }
}
