/**
 * Membership card numbers: 12 digits shown as `1234 5678 9012`, the last digit a Luhn check digit so
 * a mistyped or misread number is caught at the till before any lookup.
 */
export const CARD_NUMBER_LENGTH = 12;

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a card number from 11 random digits (the caller supplies randomness). */
export function cardNumberFromDigits(digits: string): string {
  if (!/^[0-9]{11}$/.test(digits))
    throw new RangeError('a card number needs 11 digits before its check digit');
  // Never start with 0, so the number survives spreadsheets and keypads that drop leading zeros.
  const payload = digits[0] === '0' ? `9${digits.slice(1)}` : digits;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** Strips spaces and dashes; returns the 12 digits, or null when the input is not a valid card number. */
export function normalizeCardNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return null;
  return luhnCheckDigit(digits.slice(0, 11)) === Number(digits[11]) ? digits : null;
}

export function formatCardNumber(cardNumber: string): string {
  return cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}
