import { IdempotencyKeySchema } from '@tally/domain';
import { AppException, ValidationException } from './exceptions/app.exception.js';

/** Every write from a till, the console or the portal names its Idempotency-Key; this reads it. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (!key) {
    throw new AppException(
      'IDEMPOTENCY_KEY_REQUIRED',
      'Send an Idempotency-Key header so a retried request is never applied twice.',
    );
  }
  const parsed = IdempotencyKeySchema.safeParse(key);
  if (!parsed.success) {
    throw new ValidationException([{ field: 'Idempotency-Key', message: parsed.error.issues[0]!.message }]);
  }
  return parsed.data;
}
