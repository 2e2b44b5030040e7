/**
 * TypeORM's postgres `query()` returns the rows for SELECT and INSERT, but `[rows, rowCount]` for
 * UPDATE and DELETE. Every `UPDATE … RETURNING` goes through this, so callers always get the rows.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** Whether a failed statement broke this unique constraint (index). */
export function uniqueViolation(error: unknown, constraint: string): boolean {
  return (error as { driverError?: { constraint?: string } }).driverError?.constraint === constraint;
}
