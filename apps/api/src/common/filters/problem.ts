import {
  type ErrorCode,
  errorCodeInfo,
  type Problem,
  type ProblemExtensions,
  problemType,
  type ProblemFieldError,
} from '@tally/domain';

export function buildProblem(
  code: ErrorCode,
  options: {
    detail?: string;
    errors?: ProblemFieldError[];
    instance?: string;
    requestId?: string;
    extensions?: ProblemExtensions;
  } = {},
): Problem {
  const info = errorCodeInfo[code];
  return {
    type: problemType(code),
    title: info.title,
    status: info.status,
    code,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
    ...options.extensions,
  };
}

/** The code for an HTTP status that reached us without one of ours (framework and parser errors). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 408:
      return 'REQUEST_TIMEOUT';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 414:
      return 'URI_TOO_LONG';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 431:
      return 'HEADERS_TOO_LARGE';
    case 503:
      return 'DATABASE_UNAVAILABLE';
    default:
      return status >= 400 && status < 500 ? 'MALFORMED_REQUEST' : 'INTERNAL';
  }
}

/**
 * What to tell the caller for an error Fastify raised. Its router's messages quote the whole path
 * (which may be 10,000 characters): those get a sentence of ours; its body parser's messages are fine.
 */
export function frameworkErrorDetail(error: { code?: unknown; message: string }): string {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return 'The URL is not valid: a percent escape in the path does not decode to UTF-8 text.';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'A path parameter is too long to name anything here.';
    default:
      return error.message;
  }
}
