/**
 * The member's card kept on this device so the card page still shows it offline, at the till. Only the
 * card number and the name are kept (nothing else personal), in localStorage under one key; the portal
 * clears it whenever the session reads "signed out" (sign-out, an ended session, a closed account).
 */
export interface SavedCard {
  cardNumber: string;
  name: string;
}

export const SAVED_CARD_KEY = 'tally.portal.saved-card';

type CardStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): CardStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isSavedCard(value: unknown): value is SavedCard {
  if (typeof value !== 'object' || value === null) return false;
  const { cardNumber, name } = value as Record<string, unknown>;
  return typeof cardNumber === 'string' && /^\d{8,19}$/.test(cardNumber) && typeof name === 'string';
}

export function saveCard(card: SavedCard, storage = browserStorage()): void {
  const kept: SavedCard = { cardNumber: card.cardNumber, name: card.name };
  try {
    storage?.setItem(SAVED_CARD_KEY, JSON.stringify(kept));
  } catch {
    // Private browsing or a full quota: the card simply is not available offline.
  }
}

/** The saved card, or `null` when there is none or what is stored is not a card. */
export function readSavedCard(storage = browserStorage()): SavedCard | null {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(SAVED_CARD_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSavedCard(parsed)) return { cardNumber: parsed.cardNumber, name: parsed.name };
  } catch {
    // fall through: unreadable
  }
  clearSavedCard(storage);
  return null;
}

export function clearSavedCard(storage = browserStorage()): void {
  try {
    storage?.removeItem(SAVED_CARD_KEY);
  } catch {
    // nothing stored that could be removed
  }
}
