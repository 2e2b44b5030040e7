/**
 * Stable error codes shared by the API and both front ends. A code never changes meaning once
 * released; clients branch on `code`, never on `title` or `detail`.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  IDEMPOTENCY_KEY_REQUIRED: 'IDEMPOTENCY_KEY_REQUIRED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
  JOURNAL_NOT_FOUND: 'JOURNAL_NOT_FOUND',
  NOT_REVERSIBLE: 'NOT_REVERSIBLE',
  NOTHING_TO_REVERSE: 'NOTHING_TO_REVERSE',
  HOLD_NOT_FOUND: 'HOLD_NOT_FOUND',
  HOLD_ALREADY_RESOLVED: 'HOLD_ALREADY_RESOLVED',
  HOLD_EXPIRED: 'HOLD_EXPIRED',
  LOT_NOT_FOUND: 'LOT_NOT_FOUND',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  INVALID_TOKEN: 'INVALID_TOKEN',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  STORE_CODE_TAKEN: 'STORE_CODE_TAKEN',
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  STAFF_NOT_FOUND: 'STAFF_NOT_FOUND',
  STORE_NOT_FOUND: 'STORE_NOT_FOUND',
  POS_KEY_NOT_FOUND: 'POS_KEY_NOT_FOUND',
  OUTSIDE_STORE_SCOPE: 'OUTSIDE_STORE_SCOPE',
  LAST_ADMIN: 'LAST_ADMIN',
  ALREADY_DONE: 'ALREADY_DONE',
  RECEIPT_ALREADY_CREDITED: 'RECEIPT_ALREADY_CREDITED',
  RECEIPT_NOT_FOUND: 'RECEIPT_NOT_FOUND',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  REFUND_EXCEEDS_RECEIPT: 'REFUND_EXCEEDS_RECEIPT',
  APPROVAL_NOT_FOUND: 'APPROVAL_NOT_FOUND',
  STORE_REQUIRED: 'STORE_REQUIRED',
  REWARD_NOT_FOUND: 'REWARD_NOT_FOUND',
  REWARD_UNAVAILABLE: 'REWARD_UNAVAILABLE',
  REWARD_LIMIT_REACHED: 'REWARD_LIMIT_REACHED',
  VOUCHER_NOT_FOUND: 'VOUCHER_NOT_FOUND',
  VOUCHER_NOT_ACTIVE: 'VOUCHER_NOT_ACTIVE',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

interface ErrorCodeInfo {
  readonly status: number;
  readonly title: string;
}

/** HTTP status and human title for every code; exhaustive by construction (a missing code fails the type check). */
export const errorCodeInfo: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_REQUEST: { status: 400, title: 'The request body could not be read' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'An Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    title: 'This Idempotency-Key was already used for a different request',
  },
  INSUFFICIENT_POINTS: { status: 422, title: 'Not enough points' },
  JOURNAL_NOT_FOUND: { status: 404, title: 'Journal not found' },
  NOT_REVERSIBLE: { status: 422, title: 'This operation cannot be reversed' },
  NOTHING_TO_REVERSE: { status: 422, title: 'Nothing is left to reverse' },
  HOLD_NOT_FOUND: { status: 404, title: 'Hold not found' },
  HOLD_ALREADY_RESOLVED: { status: 409, title: 'The hold was already captured or voided' },
  HOLD_EXPIRED: { status: 409, title: 'The hold has expired' },
  LOT_NOT_FOUND: { status: 404, title: 'Points lot not found' },
  INVALID_CREDENTIALS: { status: 401, title: 'The email or password is not right' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Too many attempts; wait a few minutes and try again' },
  INVALID_TOKEN: { status: 400, title: 'This link is not valid any more' },
  EMAIL_TAKEN: { status: 409, title: 'An account with this email already exists' },
  STORE_CODE_TAKEN: { status: 409, title: 'A store with this code already exists' },
  MEMBER_NOT_FOUND: { status: 404, title: 'Member not found' },
  STAFF_NOT_FOUND: { status: 404, title: 'Staff user not found' },
  STORE_NOT_FOUND: { status: 404, title: 'Store not found' },
  POS_KEY_NOT_FOUND: { status: 404, title: 'POS key not found' },
  OUTSIDE_STORE_SCOPE: { status: 403, title: 'This is outside the stores you work in' },
  LAST_ADMIN: { status: 409, title: 'The last active admin cannot be removed' },
  ALREADY_DONE: { status: 409, title: 'This was already done' },
  RECEIPT_ALREADY_CREDITED: { status: 409, title: 'This receipt has already earned points' },
  RECEIPT_NOT_FOUND: { status: 404, title: 'No such receipt in this store' },
  CURRENCY_MISMATCH: { status: 422, title: 'The receipt is not in the programme’s currency' },
  REFUND_EXCEEDS_RECEIPT: { status: 422, title: 'The refund is more than is left of the receipt' },
  APPROVAL_NOT_FOUND: { status: 404, title: 'Approval request not found' },
  STORE_REQUIRED: { status: 400, title: 'Say which store this is for' },
  REWARD_NOT_FOUND: { status: 404, title: 'Reward not found' },
  REWARD_UNAVAILABLE: {
    status: 409,
    title: 'This reward is not available now (out of stock or not on offer)',
  },
  REWARD_LIMIT_REACHED: { status: 409, title: 'You have reached the limit for this reward' },
  VOUCHER_NOT_FOUND: { status: 404, title: 'Voucher not found' },
  VOUCHER_NOT_ACTIVE: { status: 409, title: 'This voucher was already used, cancelled or has expired' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'The database is not available' },
  INTERNAL: { status: 500, title: 'Internal error' },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodeInfo, value);
}
