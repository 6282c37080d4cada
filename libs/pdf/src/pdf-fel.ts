import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@app/core';

/** A PDF could not be produced; the caller gets this, never a hang. */
export class PdfFel extends DomainError {
  constructor(message: string, svenska = 'PDF-dokumentet kunde inte skapas') {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'PDF_FAILED', message, svenska);
  }
}

/** Rejects with a PdfFel naming the step when `work` takes longer than `ms`. */
export async function inom<T>(ms: number, steg: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfFel(`PDF step "${steg}" took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
