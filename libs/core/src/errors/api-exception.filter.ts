import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { databaseBusy, DomainError } from './domain-error';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** The same in Swedish, for the people in front of the web UI (DomainErrors only). */
  meddelande?: string;
  details?: Record<string, unknown>;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/**
 * Every error leaves the API as `{ statusCode, code, message }` (+ `meddelande` in Swedish and
 * `details` where the error has them); unexpected ones are logged, not shown.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = apiErrorBody(exception);
    if (body.code === DUPLICATE || body.code === INVALID_VALUE || body.code === CONCURRENT_CHANGE)
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

/** The body of an error response; Fastify's own request errors (body not JSON, too large) reach the filter too. */
export function apiErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      meddelande: exception.svenska,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const message = Array.isArray(given.message)
      ? given.message.join('; ')
      : String(given.message ?? exception.message);
    const code =
      typeof given.code === 'string'
        ? given.code
        : isJsonSyntaxError(exception)
          ? 'MALFORMED_JSON'
          : (CODE_BY_STATUS[status] ?? 'ERROR');
    return { statusCode: status, code, message };
  }
  const database = databaseErrorBody(exception);
  if (database) return database;
  if (isFastifyClientError(exception)) {
    const status = exception.statusCode;
    return {
      statusCode: status,
      code:
        exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError
          ? 'MALFORMED_JSON'
          : (CODE_BY_STATUS[status] ?? 'BAD_REQUEST'),
      message: exception.message,
    };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal error' };
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

const DUPLICATE = 'DUPLICATE';
const CONCURRENT_CHANGE = 'CONCURRENT_CHANGE';
/** A deadlock or serialization failure: PostgreSQL chose this transaction to give way; nothing was written. */
const CONCURRENT_CHANGE_STATES = new Set(['40P01', '40001']);
const INVALID_VALUE = 'INVALID_VALUE';

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
  if (state && DATABASE_TIMEOUTS.has(state)) {
    const busy = databaseBusy('The database did not finish in time; try again shortly');
    return { statusCode: busy.status, code: busy.code, message: busy.message, meddelande: busy.svenska };
  }
  if (state && CONCURRENT_CHANGE_STATES.has(state)) {
    return {
      statusCode: HttpStatus.CONFLICT,
      code: CONCURRENT_CHANGE,
      message: 'Someone else changed the same thing at the same moment; try again',
      meddelande: 'Någon annan ändrade samma sak i samma ögonblick. Försök igen.',
    };
  }
  if (state === '23505') {
    return {
      statusCode: HttpStatus.CONFLICT,
      code: DUPLICATE,
      message: 'This already exists (an identical request was probably saved at the same moment); reload and try again',
      meddelande: 'Uppgiften finns redan (troligen sparades samma sak samtidigt); ladda om och försök igen',
    };
  }
  if (state && INVALID_VALUE_STATES.has(state)) {
    return {
      statusCode: HttpStatus.BAD_REQUEST,
      code: INVALID_VALUE,
      message: 'A value is outside what the platform can store',
      meddelande: 'Ett av värdena ligger utanför det som kan sparas',
    };
  }
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
