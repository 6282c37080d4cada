import { DomainError, withTimeout } from '@app/core';

/** A PDF could not be produced; the caller gets this, never a hang. `koBorta`: the pdf queue (Redis) is away. */
export class PdfFel extends DomainError<'PDF_FAILED'> {
  constructor(message: string, koBorta = false) {
    super('PDF_FAILED', { message, koBorta });
  }
}

/** Rejects with a PdfFel naming the step when `work` takes longer than `ms`. */
export function within<T>(ms: number, steg: string, work: Promise<T>): Promise<T> {
  return withTimeout(work, ms, () => new PdfFel(`PDF step "${steg}" took longer than ${ms} ms`));
}
