import { AppException } from '../exceptions/app.exception.js';

/** Opaque keyset cursors over a bigint id (newest first: the next page is `id < cursor`). */
export function encodeIdCursor(id: string, kind = 'i'): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

export function decodeIdCursor(cursor: string, kind = 'i'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = new RegExp(`^${kind}:(\\d{1,18})$`).exec(decoded);
  if (!match) {
    throw new AppException('VALIDATION_FAILED', 'The cursor is not one this API issued.', [
      { field: 'query.cursor', message: 'invalid cursor' },
    ]);
  }
  return match[1]!;
}
