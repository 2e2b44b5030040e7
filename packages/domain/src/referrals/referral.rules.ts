import type { ReferralIneligibleReason } from './referral.schema.js';

/** Referral codes use digits and capitals without look-alikes (no 0/O, 1/I/L, U/V). */
export const REFERRAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const REFERRAL_CODE_LENGTH = 8;
export const REFERRAL_CODE_PATTERN = new RegExp(`^[${REFERRAL_CODE_ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`);

export function normalizeReferralCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** The portal path a friend opens to join with the code. */
export function referralLink(code: string): string {
  return `/sign-up?ref=${encodeURIComponent(code)}`;
}

const DOT_BLIND_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * An email reduced to the mailbox it delivers to, for the self-referral guard: lower case, no
 * `+tag`, and for Gmail no dots and one domain. Never stored; only compared.
 */
export function mailboxOf(email: string): string {
  const [rawLocal = '', rawDomain = ''] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  let local = rawLocal.split('+')[0] ?? '';
  let domain = rawDomain;
  if (DOT_BLIND_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/**
 * Whether two phone numbers are the same line: compares the last 9 digits, so `07700 900123` and
 * `+44 7700 900123` match. A rare false match only makes a referral not eligible; it never blocks a sign-up.
 */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const digits = (v: string) => v.replace(/\D/g, '').slice(-9);
  if (!a || !b) return false;
  const da = digits(a);
  return da.length >= 7 && da === digits(b);
}

/** The plain-words reason a referral earns nothing. */
export function describeIneligible(reason: ReferralIneligibleReason): string {
  switch (reason) {
    case 'same_email':
      return 'Same email address as yours';
    case 'same_phone':
      return 'Same phone number as yours';
    case 'same_card':
      return 'Paid with the same card as you';
    case 'monthly_cap':
      return 'Monthly referral limit reached';
    case 'account_closed':
      return 'Account closed';
  }
}

/** A masked email for a friend without a name: `a•••@example.com`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
