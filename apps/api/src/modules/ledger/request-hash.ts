import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A stable hash of what a request asks for: same operation and fields in any key order → same hash. */
export function requestHash(operation: string, request: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical({ operation, ...request })))
    .digest('base64url');
}
