import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@app/database';
import { EntityManager } from 'typeorm';

export interface AuditEntry {
  organisationId: string | null;
  anvandareId: string | null;
  handelse: string;
  objektTyp?: string;
  objektId?: string;
  data?: Record<string, unknown>;
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
}
