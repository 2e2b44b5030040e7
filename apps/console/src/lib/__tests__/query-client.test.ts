import { ApiError } from '@tally/ui';
import { shouldRetry } from '../query-client';

const apiError = (status: number, code: ApiError['code']) => new ApiError({ status, code, title: code });

describe(shouldRetry.name, () => {
  it.each([
    ['no answer', apiError(0, 'NETWORK_ERROR'), true],
    ['a 503', apiError(503, 'DATABASE_UNAVAILABLE'), true],
    ['a 429', apiError(429, 'RATE_LIMITED'), true],
    ['a 400', apiError(400, 'VALIDATION_FAILED'), false],
    ['a 404', apiError(404, 'NOT_FOUND'), false],
    ['a body that fails its schema', apiError(200, 'INVALID_RESPONSE'), false],
    ['a programming error', new TypeError('x is undefined'), false],
  ])('on the first failure, retries after %s: %p', (_what, error, expected) => {
    expect(shouldRetry(0, error)).toBe(expected);
  });

  it('gives up on a retryable error after two retries', () => {
    expect(shouldRetry(1, apiError(0, 'NETWORK_ERROR'))).toBe(true);
    expect(shouldRetry(2, apiError(0, 'NETWORK_ERROR'))).toBe(false);
  });
});
