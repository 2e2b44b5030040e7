import { london } from '../../../../test/fixtures';
import { dayBoundary } from '../audit-filters';
import { describeValue } from '../audit-page';

describe(describeValue.name, () => {
  it.each([
    [{ from: 'active', to: 'disabled' }, 'active → disabled'],
    [{ from: [], to: [london.id] }, 'none → Tally Market London (LON-01)'],
    [null, '—'],
    [42, '42'],
    [{ other: 1 }, '{"other":1}'],
  ])('words %p as %p', (value, expected) => {
    expect(describeValue(value, [london])).toBe(expected);
  });
});

describe(dayBoundary.name, () => {
  it('turns a day into the first and last instant of it in local time', () => {
    const start = new Date(dayBoundary('2025-03-01', false));
    const end = new Date(dayBoundary('2025-03-01', true));

    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([
      2025, 2, 1, 0,
    ]);
    expect(end.getTime() - start.getTime()).toBe(24 * 60 * 60 * 1000 - 1);
  });

  it('passes an unreadable day through for the schema to reject', () => {
    expect(dayBoundary('not a day', false)).toBe('not a day');
  });
});
