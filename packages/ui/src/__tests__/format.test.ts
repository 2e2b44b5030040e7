import { formatAmount, formatDate, formatDateTime, formatPoints, formatPointsChange } from '../format.js';

describe('Intl formatting', () => {
  it('groups points the locale’s way', () => {
    expect(formatPoints(1234567, 'en-GB')).toBe('1,234,567');
    expect(formatPoints(1234567, 'de-DE')).toBe('1.234.567');
  });

  it('always signs a change of points, except zero', () => {
    expect(formatPointsChange(250, 'en-GB')).toBe('+250');
    expect(formatPointsChange(-40, 'en-GB')).toBe('-40');
    expect(formatPointsChange(0, 'en-GB')).toBe('0');
  });

  it('shows money from minor units with the currency’s own decimals', () => {
    expect(formatAmount(2499, 'GBP', 'en-GB')).toBe('£24.99');
    expect(formatAmount(2499, 'JPY', 'en-GB')).toBe('JP¥2,499');
  });

  it('shows a calendar date without a time zone moving it to the day before', () => {
    expect(formatDate('1990-01-01', 'en-GB')).toBe('1 January 1990');
  });

  it('shows an instant in the given time zone', () => {
    expect(formatDateTime('2025-03-03T14:05:00.000Z', 'en-GB', 'UTC')).toBe('3 Mar 2025, 14:05');
  });
});
