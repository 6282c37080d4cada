import { HttpStatus } from '@nestjs/common';
import { DomainError, withTimeout } from '@app/core';

/** A PDF could not be produced; the caller gets this, never a hang. */
export class PdfFel extends DomainError {
  constructor(message: string, svenska = 'PDF-dokumentet kunde inte skapas') {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'PDF_FAILED', message, svenska);
  }
}

/** Rejects with a PdfFel naming the step when `work` takes longer than `ms`. */
export function inom<T>(ms: number, steg: string, work: Promise<T>): Promise<T> {
  return withTimeout(work, ms, () => new PdfFel(`PDF step "${steg}" took longer than ${ms} ms`));
}
