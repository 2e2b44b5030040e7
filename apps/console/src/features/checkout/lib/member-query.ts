import { EmailSchema, PhoneSchema, normalizeCardNumber } from '@tally/domain';
import type { MemberLookup } from '../api/lookup-member';

export type MemberQuery = { ok: true; lookup: MemberLookup } | { ok: false; message: string };

/**
 * The till's one search field: a scanned or typed card number (12 digits, spaces and dashes allowed),
 * an email address, or a phone number. A card number with a wrong check digit is refused here, before
 * any request, so the cashier can scan again at once.
 */
export function parseMemberQuery(text: string): MemberQuery {
  const value = text.trim();
  if (value === '') {
    return { ok: false, message: 'Scan the card, or type a card number, email address or phone number' };
  }
  if (value.includes('@')) {
    const email = EmailSchema.safeParse(value);
    return email.success
      ? { ok: true, lookup: { email: email.data } }
      : { ok: false, message: 'This is not a valid email address' };
  }
  if (/^\d{12}$/.test(value.replace(/[\s-]/g, ''))) {
    const card = normalizeCardNumber(value);
    return card
      ? { ok: true, lookup: { card } }
      : {
          ok: false,
          message: 'This card number is not valid: check the digits (the last one is a check digit)',
        };
  }
  const phone = PhoneSchema.safeParse(value);
  if (phone.success) return { ok: true, lookup: { phone: phone.data } };
  return { ok: false, message: 'Enter a 12-digit card number, an email address or a phone number' };
}

/** How the member was looked up, for messages such as "No member has this email address". */
export function describeLookup(lookup: MemberLookup): string {
  if ('card' in lookup) return 'card number';
  if ('email' in lookup) return 'email address';
  return 'phone number';
}
