import { ErrorCode, errorCodeInfo, isErrorCode } from '../error-codes.js';
import { ProblemSchema, problemType } from '../problem.schema.js';

describe('error codes', () => {
  it('gives every code a 4xx or 5xx status and a title', () => {
    for (const code of Object.values(ErrorCode)) {
      const info = errorCodeInfo[code];
      expect(info.status).toBeGreaterThanOrEqual(400);
      expect(info.status).toBeLessThan(600);
      expect(info.title.length).toBeGreaterThan(3);
    }
  });

  it('keeps bad-input codes out of the 5xx range', () => {
    for (const code of [
      'VALIDATION_FAILED',
      'MALFORMED_REQUEST',
      'URI_TOO_LONG',
      'HEADERS_TOO_LARGE',
      'REQUEST_TIMEOUT',
      'INSUFFICIENT_POINTS',
      'IDEMPOTENCY_KEY_REUSED',
    ] as const) {
      expect(errorCodeInfo[code].status).toBeLessThan(500);
    }
  });

  it('recognises only its own codes', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('validates a problem document with field errors', () => {
    const problem = {
      type: problemType('VALIDATION_FAILED'),
      title: 'x',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'points', message: 'must be positive' }],
    };
    expect(ProblemSchema.parse(problem)).toEqual(problem);
    expect(ProblemSchema.safeParse({ ...problem, code: 'NOPE' }).success).toBe(false);
    expect(problemType('IDEMPOTENCY_KEY_REUSED')).toBe('/api/docs/errors#idempotency-key-reused');
  });
});
