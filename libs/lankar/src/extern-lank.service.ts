import { Injectable } from '@nestjs/common';
import { addDays, Datum, deadlineEnd, generateToken, hashToken, PlattformsLankar } from '@app/core';
import { EntityManager } from 'typeorm';
import { ExternAtkomstRepository } from './extern-atkomst.repository';

/** A personal link works until 30 days after the instans' svarsdatum (late answers are still welcome). */
const LANK_DAGAR_EFTER_SVARSDATUM = 30;

/** The instans a link opens, and until when it must work. */
export interface LankFor {
  organisationId: string;
  remissinstansId: string;
  svarsdatum: Datum;
}

/**
 * The one place personal links of external remissinstanser are made: a token (only its SHA-256
 * stored), valid until svarsdatum + 30 days, mailed as `PlattformsLankar.externSvar`. The workflow
 * (invitation, re-issue, anstånd) and the reminders both ask here.
 */
@Injectable()
export class ExternLankService {
  constructor(
    private readonly atkomster: ExternAtkomstRepository,
    private readonly lankar: PlattformsLankar,
  ) {}

  /** A new link for the instans: its id (for the audit log) and the address to mail, shown this once. */
  async issue(manager: EntityManager, instans: LankFor): Promise<{ id: string; url: string }> {
    const token = generateToken();
    const id = await this.atkomster.insert(manager, {
      organisationId: instans.organisationId,
      remissinstansId: instans.remissinstansId,
      tokenHash: hashToken(token),
      giltigTill: giltigTill(instans.svarsdatum),
    });
    return { id, url: this.lankar.externSvar(token) };
  }

  /**
   * Fresh links for reminders (the invitation's token cannot be shown again), in one statement, each
   * to `epost`, the address the reminder goes to. An instans whose link the sender revoked, or whose
   * address the sender corrected since the reminder was composed, gets none (null in its place):
   * see `ExternAtkomstRepository.insertForReminders`.
   */
  async issueForReminders(manager: EntityManager, lankar: (LankFor & { epost: string })[]): Promise<(string | null)[]> {
    if (!lankar.length) return [];
    const tokens = lankar.map(() => generateToken());
    const hashar = tokens.map(hashToken);
    // Links made together mostly share a svarsdatum: its end in Stockholm time is worked out once.
    const slut = new Map<Datum, Date>();
    const sparade = await this.atkomster.insertForReminders(
      manager,
      lankar.map((l, i) => {
        if (!slut.has(l.svarsdatum)) slut.set(l.svarsdatum, giltigTill(l.svarsdatum));
        return { ...l, tokenHash: hashar[i], giltigTill: slut.get(l.svarsdatum)! };
      }),
    );
    const insatta = new Set(sparade.map((h) => h.toString('hex')));
    return tokens.map((t, i) => (insatta.has(hashar[i].toString('hex')) ? this.lankar.externSvar(t) : null));
  }

  /** Anstånd: the instans' unused links work until the new svarsdatum's end + 30 days. */
  extend(manager: EntityManager, remissinstansId: string, svarsdatum: Datum): Promise<void> {
    return this.atkomster.extend(manager, remissinstansId, giltigTill(svarsdatum));
  }
}

function giltigTill(svarsdatum: Datum): Date {
  return deadlineEnd(addDays(svarsdatum, LANK_DAGAR_EFTER_SVARSDATUM));
}
