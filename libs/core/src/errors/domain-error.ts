import { HttpStatus } from '@nestjs/common';
import { Atgard, TillstandI, Tillstandsmaskin } from '../states/statusnamn';
import { ErrorCode, ErrorParams, errorSpec, FaltFel, Saknas } from './error-codes';

/** The parameters of a code's texts, or none when its texts need none. */
export type ErrorArgs<C extends ErrorCode> = [ErrorParams<C>] extends [void]
  ? []
  : undefined extends ErrorParams<C>
    ? [params?: ErrorParams<C>]
    : [params: ErrorParams<C>];

/**
 * An error the caller can act on. `code` is one of ERROR_CODES (clients switch on it), which gives the
 * status, the English `message` for API users and `svenska`, what the web UI shows.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: HttpStatus;
  readonly svenska: string;
  readonly details?: Record<string, unknown>;
  /** Per field, for a form to show beside each (validation errors). */
  readonly fel?: FaltFel[];

  constructor(code: C, ...args: ErrorArgs<C>) {
    const spec = errorSpec(code);
    const params = args[0];
    super(spec.message(params));
    this.code = code;
    this.status = spec.status;
    this.svenska = spec.svenska(params);
    this.details = spec.details?.(params);
    this.fel = spec.fel?.(params, this.svenska);
  }
}

export const notFound = (vad: Saknas) => new DomainError('NOT_FOUND', { vad });

export const forbidden = (message?: string) => new DomainError('FORBIDDEN', { message });

/**
 * An illegal state transition: 409 naming the current state, in Swedish through its display name
 * ("Det går inte att bevilja anstånd när remissinstansen har avstått.").
 */
export const illegalTransition = <M extends Tillstandsmaskin>(maskin: M, status: TillstandI<M>, atgard: Atgard) =>
  new DomainError('ILLEGAL_STATE', { maskin, status, atgard });

/** PostgreSQL did not take the work in time (no pooled connection free, a statement over its limit): try again shortly. */
export const databaseBusy = (message?: string) => new DomainError('DATABASE_BUSY', { message });

/** One field refused by a check a DTO cannot make (a service's, a pipe's): 400 VALIDATION_FAILED naming it. */
export const invalidField = (falt: string, message: string, meddelande: string, namn = falt) =>
  new DomainError('VALIDATION_FAILED', { message, fel: [{ falt, namn, meddelande }] });
