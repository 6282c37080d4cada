import { HttpStatus } from '@nestjs/common';

/**
 * An error the caller can act on. `code` is stable (clients switch on it), `message` is English
 * for API users, `svenska` is what the web UI shows.
 */
export class DomainError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly svenska: string = message,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new DomainError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`, 'Hittades inte');

export const forbidden = (message = 'You lack the role needed for this') =>
  new DomainError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message, 'Du saknar behörighet för detta');

export const conflict = (code: string, message: string, svenska: string) =>
  new DomainError(HttpStatus.CONFLICT, code, message, svenska);

export const badRequest = (code: string, message: string, svenska: string, details?: Record<string, unknown>) =>
  new DomainError(HttpStatus.BAD_REQUEST, code, message, svenska, details);

/** An illegal state transition: 409 naming the current state. */
export const illegalTransition = (what: string, current: string, action: string) =>
  new DomainError(
    HttpStatus.CONFLICT,
    'ILLEGAL_STATE',
    `Cannot ${action} ${what} in state '${current}'`,
    `Det går inte att ${action} när status är ${current}`,
    { currentState: current },
  );

/** PostgreSQL did not take the work in time (no pooled connection free, a statement over its limit): try again shortly. */
export const databaseBusy = (message = 'The database is busy; try again shortly') =>
  new DomainError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DATABASE_BUSY',
    message,
    'Databasen är överbelastad just nu. Försök igen om en stund.',
  );
