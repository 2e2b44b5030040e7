/**
 * One key per till action (a sale's award, a redemption, a refund), reused for every retry of that
 * action, so a click repeated after a lost answer is replayed by the API instead of applied twice.
 *
 * `crypto.randomUUID` exists only in secure contexts; a till that opens the console over plain HTTP on
 * a shop's network still has `getRandomValues`, so the key is built from that there.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function idempotencyHeaders(key: string): Record<string, string> {
  return { 'Idempotency-Key': key };
}
