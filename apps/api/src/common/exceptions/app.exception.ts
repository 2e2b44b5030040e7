import { type ErrorCode, type ProblemExtensions, type ProblemFieldError } from '@tally/domain';

/**
 * The one exception type the API throws on purpose. Modules subclass it (LedgerException, ...) and
 * the problem filter maps its domain code to an RFC 9457 response.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors?: ProblemFieldError[],
    readonly extensions?: ProblemExtensions,
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }
}

/** 429 with a `Retry-After` header: the caller may try again after that many seconds. */
export class RateLimitedException extends AppException {
  constructor(
    readonly retryAfterSeconds: number,
    detail?: string,
  ) {
    super('RATE_LIMITED', detail);
  }
}

export class ValidationException extends AppException {
  constructor(fieldErrors: ProblemFieldError[], detail = 'Some fields are not valid.') {
    super('VALIDATION_FAILED', detail, fieldErrors);
  }
}
