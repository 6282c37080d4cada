import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from './domain-error';
import { ErrorCode, FaltFel } from './error-codes';

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** The same in Swedish, for the people in front of the web UI. */
  meddelande: string;
  details?: Record<string, unknown>;
  /** Validation errors: each refused field (its path in the request) with a Swedish sentence, for a form. */
  fel?: FaltFel[];
}

/** The framework's refusals (routing, body parsing, multipart limits) by status, each as a code with its Swedish text. */
const FRAMEWORK: Partial<Record<number, (message: string) => DomainError>> = {
  400: (message) => new DomainError('BAD_REQUEST', { message }),
  401: () => new DomainError('UNAUTHENTICATED'),
  403: (message) => new DomainError('FORBIDDEN', { message }),
  404: () => new DomainError('NOT_FOUND', { vad: 'Route' }),
  405: (message) => new DomainError('METHOD_NOT_ALLOWED', { message }),
  409: (message) => new DomainError('CONFLICT', { message }),
  410: (message) => new DomainError('GONE', { message }),
  413: (message) => new DomainError('PAYLOAD_TOO_LARGE', { message }),
  415: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', { given: '', accepted: ['application/json'] }),
  422: (message) => new DomainError('UNPROCESSABLE', { message }),
  503: (message) => new DomainError('UNAVAILABLE', { message }),
};

/**
 * Every error leaves the API as `{ statusCode, code, message, meddelande }` (+ `details` and `fel`
 * where the error has them); unexpected ones are logged, not shown.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = apiErrorBody(exception);
    if (body.code === 'DUPLICATE' || body.code === 'INVALID_VALUE' || body.code === 'CONCURRENT_CHANGE')
      this.logger.warn(`${body.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
    // A DomainError 5xx is a designed refusal under load (DATABASE_BUSY, PDF_INSPECTION_BUSY): one line, no stack.
    if (body.statusCode >= 500 && exception instanceof DomainError) this.logger.warn(`${body.code}: ${body.message}`);
    else if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}

const bodyOf = (e: DomainError): ApiErrorBody => ({
  statusCode: e.status,
  code: e.code,
  message: e.message,
  meddelande: e.svenska,
  ...(e.details && Object.keys(e.details).length ? { details: e.details } : {}),
  ...(e.fel ? { fel: e.fel } : {}),
});

/**
 * A refusal of the framework's (Nest's HttpException, Fastify's request errors): the code its status
 * maps to, with that code's Swedish text; status and message stay the framework's (a 406 or 431 too).
 */
function frameworkBody(status: number, message: string, malformedJson: boolean): ApiErrorBody {
  const make =
    FRAMEWORK[status] ?? ((m: string) => new DomainError(status < 500 ? 'BAD_REQUEST' : 'UNAVAILABLE', { message: m }));
  const e = malformedJson ? new DomainError('MALFORMED_JSON', { message }) : make(message);
  return { ...bodyOf(e), statusCode: status, message };
}

/** The body of an error response; Fastify's own request errors (body not JSON, too large) reach the filter too. */
export function apiErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainError) return bodyOf(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const message = Array.isArray(given.message)
      ? given.message.join('; ')
      : String(given.message ?? exception.message);
    return frameworkBody(status, message, isJsonSyntaxError(exception));
  }
  const database = databaseErrorBody(exception);
  if (database) return database;
  if (isFastifyClientError(exception)) {
    const malformed = exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError;
    return frameworkBody(exception.statusCode, exception.message, malformed);
  }
  return bodyOf(new DomainError('INTERNAL'));
}

function isJsonSyntaxError(exception: HttpException): boolean {
  return exception.cause instanceof SyntaxError || /JSON/.test(exception.message);
}

/** Fastify's own errors of the request (body not JSON, too large, wrong media type, multipart limits). */
function isFastifyClientError(e: unknown): e is Error & { statusCode: number; code?: string } {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return e instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * PostgreSQL's own limits (statement_timeout, lock_timeout, idle_in_transaction_session_timeout)
 * ended the work: 503, as for a pool with no free connection. SQLSTATEs as TypeORM's
 * QueryFailedError (and pg's DatabaseError) carry them.
 */
const DATABASE_TIMEOUTS = new Set(['57014', '55P03', '25P03']);

/** A deadlock or serialization failure: PostgreSQL chose this transaction to give way; nothing was written. */
const CONCURRENT_CHANGE_STATES = new Set(['40P01', '40001']);

/** PostgreSQL's data exceptions (class 22): a value the column cannot hold. */
const INVALID_VALUE_STATES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/**
 * What PostgreSQL refused because of what the client sent, where no service caught it first: a
 * unique violation (two identical requests at once) or a deadlock is 409, a value its column cannot hold 400;
 * its own time limits are 503.
 * They are logged as warnings: each one is a check that belongs earlier, in a DTO or a service.
 */
function databaseErrorBody(exception: unknown): ApiErrorBody | null {
  const state = sqlState(exception);
  if (!state) return null;
  if (DATABASE_TIMEOUTS.has(state))
    return bodyOf(
      new DomainError('DATABASE_BUSY', { message: 'The database did not finish in time; try again shortly' }),
    );
  if (CONCURRENT_CHANGE_STATES.has(state)) return bodyOf(new DomainError('CONCURRENT_CHANGE'));
  if (state === '23505') return bodyOf(new DomainError('DUPLICATE'));
  if (INVALID_VALUE_STATES.has(state)) return bodyOf(new DomainError('INVALID_VALUE'));
  return null;
}

/** The SQLSTATE of an error from PostgreSQL (pg's DatabaseError, or TypeORM's QueryFailedError around it). */
export function sqlState(e: unknown): string | undefined {
  const error = e as { code?: unknown; driverError?: { code?: unknown }; severity?: unknown; name?: unknown } | null;
  if (!(e instanceof Error) || !error) return undefined;
  const code =
    error.name === 'QueryFailedError' ? error.driverError?.code : error.severity !== undefined ? error.code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
