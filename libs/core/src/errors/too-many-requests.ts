import { HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';

/** "42 sekunder", "15 minuter": how long a caller is told to wait. */
export function svenskVantetid(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  return `${Math.ceil(seconds / 60)} minuter`;
}

/**
 * A refusal that says when to try again: `details.retryAfterSeconds`, which ApiExceptionFilter
 * also sends as the Retry-After header.
 */
export function tooManyRequests(
  code: string,
  message: string,
  svenska: string,
  retryAfterSeconds: number,
  status: HttpStatus = HttpStatus.TOO_MANY_REQUESTS,
): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new DomainError(status, code, message, svenska, { retryAfterSeconds: seconds });
}
