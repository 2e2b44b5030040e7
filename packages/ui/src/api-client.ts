/**
 * The one way the front ends talk to the API. Every body is checked against a zod schema, and every
 * failure — a problem+json answer, an answer that is not what we expect, or no answer at all —
 * reaches the caller as an `ApiError` with a `code` it can branch on.
 */
import { type ErrorCode, type ProblemFieldError, PROBLEM_CONTENT_TYPE, ProblemSchema } from '@tally/domain';
import { z, type ZodType } from 'zod';
import { createSessionTracker, type SessionTracker } from './session/session-tracker.js';

/** Failures that happen on the client's side of the wire, so the API has no code for them. */
export type ClientErrorCode =
  /** No HTTP answer: the server is unreachable, DNS failed, the connection was reset. */
  | 'NETWORK_ERROR'
  /** A non-2xx answer without a readable problem+json body (a proxy's HTML 502, for example). */
  | 'HTTP_ERROR'
  /** A 2xx answer whose body is not JSON or does not match the expected schema. */
  | 'INVALID_RESPONSE';

export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  title: string;
  detail?: string | undefined;
  errors?: readonly ProblemFieldError[] | undefined;
  requestId?: string | undefined;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; `0` when no answer arrived at all. */
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  /** Per-field messages, e.g. for a form; empty when the error is not about fields. */
  readonly errors: readonly ProblemFieldError[];
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit, options?: ErrorOptions) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, options);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }

  /** Worth trying again later: no answer, rate limited, or a server-side failure. */
  get retryable(): boolean {
    return this.code === 'NETWORK_ERROR' || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** What a caller may add to a request; method, body and credentials are the client's business. */
export type RequestOptions = Omit<RequestInit, 'method' | 'body' | 'credentials'>;

export interface ApiClient {
  get<T>(path: string, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  /** Replaces a resource as a whole (e.g. a campaign's definition with the version it was based on). */
  put<T>(path: string, body: unknown, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  delete<T>(path: string, schema: ZodType<T>, init?: RequestOptions): Promise<T>;
  /** Whether this browser holds a session in this app; see `SessionTracker`. */
  readonly session: SessionTracker;
}

/**
 * Renewing an expired session: when a request is refused with 401 `UNAUTHENTICATED` while a session was
 * known, the client posts `{}` to `path` once (concurrent refusals share that one attempt) and, when it
 * succeeds, repeats the request once.
 */
export interface SessionRenewalOptions {
  path: string;
  /** Paths a renewal cannot help (signing in, the renewal itself): their 401 is final. */
  appliesTo(path: string): boolean;
}

export interface ApiClientOptions {
  /** Prefix for every path; `''` (the default) means the page's own origin, as the API serves the apps. */
  baseUrl?: string;
  /** Sent with every request (a caller's own headers win). */
  headers?: Readonly<Record<string, string>>;
  /** Where the session flag lives; an in-memory one by default. */
  session?: SessionTracker;
  renewal?: SessionRenewalOptions;
}

const REQUEST_ID_HEADER = 'x-request-id';

/** The body schema of a `204 No Content` answer. */
export const NoContentSchema: ZodType<undefined> = z.undefined();

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export function createApiClient({
  baseUrl = '',
  headers: defaultHeaders = {},
  session = createSessionTracker(),
  renewal,
}: ApiClientOptions = {}): ApiClient {
  let renewing: Promise<boolean> | null = null;

  /** One renewal at a time: every request refused meanwhile waits for the same answer. */
  function renew(): Promise<boolean> {
    if (!renewal) return Promise.resolve(false);
    renewing ??= send('POST', renewal.path, z.unknown(), {}, {}, false)
      .then(
        () => true,
        () => {
          session.signedOut();
          return false;
        },
      )
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  async function send<T>(
    method: Method,
    path: string,
    schema: ZodType<T>,
    init: RequestOptions,
    body: unknown,
    mayRenew: boolean,
  ): Promise<T> {
    const headers = new Headers(defaultHeaders);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    headers.set('Accept', `application/json, ${PROBLEM_CONTENT_TYPE}`);
    if (body !== undefined) headers.set('Content-Type', 'application/json');

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (cause) {
      throw networkError(cause, init.signal, 0);
    }

    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection broke while the body was arriving.
      throw networkError(cause, init.signal, response.status);
    }
    if (!response.ok) {
      const error = errorFromResponse(response, text, requestId);
      if (
        mayRenew &&
        error.code === 'UNAUTHENTICATED' &&
        renewal?.appliesTo(path) &&
        session.known &&
        (await renew())
      ) {
        return send(method, path, schema, init, body, false);
      }
      throw error;
    }

    let json: unknown;
    if (text !== '') {
      if (!isJson(response)) {
        throw invalidResponse(
          response,
          requestId,
          `Expected JSON but got ${contentType(response) || 'no content type'}`,
        );
      }
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw invalidResponse(response, requestId, 'The response body is not valid JSON', undefined, cause);
      }
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      throw invalidResponse(
        response,
        requestId,
        'The response does not have the expected shape',
        errors,
        parsed.error,
      );
    }
    return parsed.data;
  }

  return {
    get: (path, schema, init = {}) => send('GET', path, schema, init, undefined, true),
    post: (path, body, schema, init = {}) => send('POST', path, schema, init, body, true),
    patch: (path, body, schema, init = {}) => send('PATCH', path, schema, init, body, true),
    put: (path, body, schema, init = {}) => send('PUT', path, schema, init, body, true),
    delete: (path, schema, init = {}) => send('DELETE', path, schema, init, undefined, true),
    session,
  };
}

function networkError(cause: unknown, signal: AbortSignal | null | undefined, status: number): unknown {
  // A cancelled request is not a failure to report; let the caller's abort handling see it as is.
  if (signal?.aborted) return cause;
  return new ApiError({ status, code: 'NETWORK_ERROR', title: 'The server could not be reached' }, { cause });
}

function contentType(response: Response): string {
  return response.headers.get('content-type')?.toLowerCase() ?? '';
}

function isJson(response: Response): boolean {
  const type = contentType(response).split(';')[0]?.trim() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

function errorFromResponse(response: Response, text: string, requestId: string | undefined): ApiError {
  if (isJson(response)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const problem = ProblemSchema.safeParse(json);
    if (problem.success) {
      return new ApiError({
        status: response.status,
        code: problem.data.code,
        title: problem.data.title,
        detail: problem.data.detail,
        errors: problem.data.errors,
        requestId: problem.data.requestId ?? requestId,
      });
    }
  }
  return new ApiError({
    status: response.status,
    code: 'HTTP_ERROR',
    title: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    detail: contentType(response) ? `Unexpected ${contentType(response)} error body` : undefined,
    requestId,
  });
}

function invalidResponse(
  response: Response,
  requestId: string | undefined,
  detail: string,
  errors?: ProblemFieldError[],
  cause?: unknown,
): ApiError {
  return new ApiError(
    {
      status: response.status,
      code: 'INVALID_RESPONSE',
      title: 'Unexpected response from the server',
      detail,
      errors,
      requestId,
    },
    { cause },
  );
}

/** `path?name=value&…` from the parameters that are set; empty strings and nulls are left out. */
export function pathWithQuery(
  path: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
