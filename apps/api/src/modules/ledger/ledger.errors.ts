import { type ErrorCode } from '@tally/domain';
import { AppException } from '../../common/exceptions/app.exception.js';

export class LedgerException extends AppException {}

/**
 * A redeem or hold refused for want of points, knowing whose and how many were asked for. The points
 * the member could spend are added once the transaction has rolled back (`LedgerService.explainShortfall`).
 */
export class InsufficientPointsException extends LedgerException {
  constructor(
    readonly memberId: string,
    readonly requested: number,
    detail?: string,
    available?: number,
  ) {
    super('INSUFFICIENT_POINTS', detail, undefined, {
      requested,
      ...(available === undefined ? {} : { available }),
    });
  }
}

/** SQLSTATEs raised by the ledger SQL functions (see the ledger migration) → domain error codes. */
const SQLSTATE_CODES: Record<string, ErrorCode> = {
  TL001: 'INSUFFICIENT_POINTS',
  TL002: 'IDEMPOTENCY_KEY_REUSED',
  TL003: 'JOURNAL_NOT_FOUND',
  TL004: 'NOT_REVERSIBLE',
  TL005: 'NOTHING_TO_REVERSE',
  TL006: 'HOLD_NOT_FOUND',
  TL007: 'HOLD_ALREADY_RESOLVED',
  TL008: 'HOLD_EXPIRED',
  TL009: 'LOT_NOT_FOUND',
  TL010: 'VALIDATION_FAILED',
};

/** Maps a database error from a ledger function to a LedgerException; anything else is rethrown as is. */
export function toLedgerException(error: unknown): unknown {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const sqlState = (driverError as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && sqlState in SQLSTATE_CODES) {
    const message = (driverError as { message?: unknown }).message;
    return new LedgerException(SQLSTATE_CODES[sqlState]!, typeof message === 'string' ? message : undefined);
  }
  return error;
}
