import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'tat' | 'trt' | 'tlk';

/** A random bearer secret: `<kind>_<43 base64url chars>` (256 bits). Only its hash is ever stored. */
export function newSecret(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const ALPHANUMERIC = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A POS key: `tpk_<public prefix>_<secret>`; the prefix finds the row, the hash proves the secret. */
export function newPosKey(): { key: string; prefix: string } {
  const prefix = Array.from({ length: 10 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
  return { key: `tpk_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

export function parsePosKey(value: string): { prefix: string } | null {
  const match = /^tpk_([a-z0-9]{10})_[A-Za-z0-9_-]{43}$/.exec(value);
  return match ? { prefix: match[1]! } : null;
}

export function randomDigits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}
