import { isUtf8 } from 'node:buffer';
import { type ProblemFieldError } from '@tally/domain';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppException, ValidationException } from '../exceptions/app.exception.js';

/**
 * Text that no column can hold. PostgreSQL refuses U+0000 in `text` and `jsonb`, and a lone UTF-16
 * surrogate has no UTF-8 form: jsonb refuses its escape and the driver would silently turn it into
 * U+FFFD in `text`. With the `u` flag the class matches only unpaired surrogates, never a valid pair.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSAFE = /[\u0000\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- the same
const NUL = /\u0000/;

/** Field errors reported at most, so that a body full of bad text does not make a huge answer. */
const MAX_ERRORS = 20;

function reason(text: string, what: 'value' | 'name'): string {
  const subject = what === 'name' ? 'A field name' : 'Text';
  return NUL.test(text)
    ? `${subject} may not contain a NUL character (U+0000).`
    : `${subject} may not contain an unpaired UTF-16 surrogate (it is not valid Unicode).`;
}

interface Place {
  key: string;
  parent: Place | undefined;
}

function pathOf(place: Place | undefined): string {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.');
}

/**
 * Every place in a parsed value (strings, object keys, at any depth) holding text no column can
 * hold, named by its dotted path after `prefix` (`receipt.lines.0.sku`, `query.q`). Walks with its
 * own stack and builds a path only for a place it reports, so a body nested 100,000 deep costs no
 * more than a flat one of the same size.
 */
export function unsafeTextFields(value: unknown, prefix?: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const root: Place | undefined = prefix === undefined ? undefined : { key: prefix, parent: undefined };
  // A field name that is bad is pushed as an entry of its own, so errors come in document order.
  const stack: { value: unknown; place: Place | undefined; badName?: true }[] = [{ value, place: root }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value: here, place, badName } = stack.pop()!;
    if (badName) {
      errors.push({ field: pathOf(place), message: reason(place!.key, 'name') });
    } else if (typeof here === 'string') {
      if (UNSAFE.test(here)) errors.push({ field: pathOf(place), message: reason(here, 'value') });
    } else if (Array.isArray(here)) {
      for (let i = here.length - 1; i >= 0; i--)
        stack.push({ value: here[i], place: { key: String(i), parent: place } });
    } else if (here !== null && typeof here === 'object') {
      const entries = Object.entries(here as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const at = { key, parent: place };
        stack.push(
          UNSAFE.test(key) ? { value: undefined, place: at, badName: true } : { value: item, place: at },
        );
      }
    }
  }
  return errors;
}

type CookieRequest = FastifyRequest & { cookies?: Record<string, string | undefined> };
type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/**
 * The one place every request passes through before any route reads it (a `preValidation` hook: the
 * body is parsed, no handler has run). It refuses, with a 400 problem naming each field:
 * - a JSON or form body whose bytes are not UTF-8 (decoding would silently replace them);
 * - NUL characters and unpaired surrogates in the body, the query, the path parameters and the
 *   headers (Node's parser already refuses NUL in headers; checked again so no setting can let one
 *   through).
 * Cookies are the exception: a browser sends every cookie of the site, including other
 * applications', so one holding such text is dropped (treated as not sent) rather than refused.
 */
export function registerUnsafeTextGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const raw = (request as RawBodyRequest).rawBody;
    if (raw && !isUtf8(raw)) {
      throw new AppException('MALFORMED_REQUEST', 'The request body is not valid UTF-8.');
    }
    const cookies = (request as CookieRequest).cookies;
    if (cookies) {
      for (const [name, value] of Object.entries(cookies))
        if (typeof value === 'string' && UNSAFE.test(value)) delete cookies[name];
    }
    const errors = [
      ...unsafeTextFields(request.params, 'params'),
      ...unsafeTextFields(request.query, 'query'),
      ...unsafeTextFields(request.headers, 'headers'),
      ...unsafeTextFields(request.body),
    ];
    if (errors.length > 0) {
      throw new ValidationException(
        errors.slice(0, MAX_ERRORS),
        'Text may not contain NUL characters or unpaired UTF-16 surrogates.',
      );
    }
  });
}
