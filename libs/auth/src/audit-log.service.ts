import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@app/database';
import { EntityManager } from 'typeorm';
import { Actor } from './actor';

export interface AuditEntry {
  organisationId: string | null;
  anvandareId: string | null;
  handelse: string;
  objektTyp?: string;
  objektId?: string;
  data?: Record<string, unknown>;
}

/** One event as a reader of the log sees it, with the name of who did it (null: the platform, or an external party). */
export interface Loggpost {
  handelse: string;
  objektTyp: string | null;
  objektId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  anvandare: string | null;
}

/** Appends to the audit log inside the caller's transaction, so no state change goes unlogged. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      organisationId: entry.organisationId,
      anvandareId: entry.anvandareId,
      handelse: entry.handelse,
      objektTyp: entry.objektTyp ?? null,
      objektId: entry.objektId ?? null,
      data: (entry.data ?? {}) as AuditEvent['data'] & object,
    });
  }

  /** An event done by a signed-in user, on behalf of their organisation. */
  recordBy(manager: EntityManager, actor: Actor, event: Omit<AuditEntry, 'organisationId' | 'anvandareId'>) {
    return this.record(manager, { organisationId: actor.organisationId, anvandareId: actor.anvandareId, ...event });
  }

  /**
   * The events about the given objects and of the given kinds, oldest first (a remiss' timeline).
   * The objects and kinds are the caller's to choose: what it may show its reader. Who did it is
   * named only when they are of `organisationId` (a nämnd of another kommun registering stays unnamed).
   */
  list(
    manager: EntityManager,
    organisationId: string,
    objekt: { typ: string; ids: string[] }[],
    handelser: readonly string[],
  ): Promise<Loggpost[]> {
    return manager.query(
      `SELECT e.handelse, e.objekt_typ AS "objektTyp", e.objekt_id AS "objektId", e.data, e.created_at AS "createdAt", CASE WHEN e.organisation_id = $1 THEN a.namn END AS anvandare
         FROM audit_event e
         JOIN jsonb_to_recordset($2::jsonb) AS o(typ text, ids text[]) ON e.objekt_typ = o.typ AND e.objekt_id = ANY(o.ids)
         LEFT JOIN anvandare a ON a.id = e.anvandare_id
        WHERE e.handelse = ANY($3::text[])
        ORDER BY e.created_at, e.id`,
      [organisationId, JSON.stringify(objekt), handelser],
    );
  }
}
