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
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}

/** The body of an error response; Fastify's own request errors (body not JSON, too large) reach the filter too. */
function apiErrorBody(exception: unknown): ApiErrorBody {
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
    const message = Array.isArray(given.message) ? given.message.join('; ') : String(given.message ?? exception.message);
    const code = typeof given.code === 'string' ? given.code : isJsonSyntaxError(exception) ? 'MALFORMED_JSON' : (CODE_BY_STATUS[status] ?? 'ERROR');
    return { statusCode: status, code, message };
  }
  if (isDatabaseTimeout(exception)) {
    const busy = databaseBusy('The database did not finish in time; try again shortly');
    return { statusCode: busy.status, code: busy.code, message: busy.message, meddelande: busy.svenska };
  }
  if (isFastifyClientError(exception)) {
    const status = exception.statusCode;
    return { statusCode: status, code: exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError ? 'MALFORMED_JSON' : (CODE_BY_STATUS[status] ?? 'BAD_REQUEST'), message: exception.message };
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

function isDatabaseTimeout(e: unknown): boolean {
  return e instanceof Error && DATABASE_TIMEOUTS.has(String((e as { code?: unknown }).code));
}
