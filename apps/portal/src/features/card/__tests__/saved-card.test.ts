import { clearSavedCard, readSavedCard, SAVED_CARD_KEY, saveCard } from '../saved-card';

/** A real Storage-like map (jsdom is not needed for this). */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('saved card', () => {
  it('keeps the card number and name, and reads them back', () => {
    const storage = memoryStorage();
    saveCard({ cardNumber: '400000000006', name: 'Ada Lovelace' }, storage);
    expect(readSavedCard(storage)).toEqual({ cardNumber: '400000000006', name: 'Ada Lovelace' });
  });

  it('stores nothing but the card number and name, even when given a whole member', () => {
    const storage = memoryStorage();
    const member = {
      cardNumber: '400000000006',
      name: 'Ada',
      email: 'ada@example.com',
      balance: { available: 5 },
    };
    saveCard(member, storage);
    expect(JSON.parse(storage.map.get(SAVED_CARD_KEY)!)).toEqual({ cardNumber: '400000000006', name: 'Ada' });
  });

  it('reads null when nothing is saved', () => {
    expect(readSavedCard(memoryStorage())).toBeNull();
  });

  it.each([
    ['not JSON', '{nope'],
    ['not an object', '"400000000006"'],
    ['a card number that is not digits', JSON.stringify({ cardNumber: 'abc', name: 'Ada' })],
    ['no name', JSON.stringify({ cardNumber: '400000000006' })],
  ])('treats %s as no card and removes it', (_case, raw) => {
    const storage = memoryStorage();
    storage.setItem(SAVED_CARD_KEY, raw);
    expect(readSavedCard(storage)).toBeNull();
    expect(storage.map.has(SAVED_CARD_KEY)).toBe(false);
  });

  it('forgets the card when cleared (sign-out)', () => {
    const storage = memoryStorage();
    saveCard({ cardNumber: '400000000006', name: 'Ada' }, storage);
    clearSavedCard(storage);
    expect(readSavedCard(storage)).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('never throws when the storage refuses (private browsing, full quota)', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => saveCard({ cardNumber: '400000000006', name: 'Ada' }, refusing)).not.toThrow();
    expect(readSavedCard(refusing)).toBeNull();
    expect(() => clearSavedCard(refusing)).not.toThrow();
  });
});
