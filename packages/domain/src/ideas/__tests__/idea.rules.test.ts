import {
  cappedBonus,
  flagsReturnToReview,
  IDEA_STATES,
  ideaTransition,
  isOpenState,
  isVotable,
  nextIdeaStates,
  quarterStart,
  type IdeaStateName,
} from '../idea.rules.js';

/** The allowed staff transitions, written out by hand from DESIGN.md; everything else is refused. */
const ALLOWED: Record<IdeaStateName, IdeaStateName[]> = {
  pending_review: ['open', 'declined', 'duplicate'],
  open: ['under_review', 'declined', 'duplicate'],
  under_review: ['planned', 'declined', 'duplicate'],
  planned: ['in_progress', 'declined', 'duplicate'],
  in_progress: ['shipped', 'declined', 'duplicate'],
  shipped: [],
  declined: ['open'],
  duplicate: [],
};

const matrix = IDEA_STATES.flatMap((from) =>
  IDEA_STATES.map((to) => [from, to, ALLOWED[from].includes(to)] as const),
);

describe('ideaTransition', () => {
  it('covers the full 8 × 8 matrix', () => {
    expect(matrix).toHaveLength(64);
    expect(matrix.filter(([, , ok]) => ok)).toHaveLength(16);
  });

  it.each(matrix.filter(([, , ok]) => ok))('allows %s → %s', (from, to) => {
    expect(ideaTransition(from, to)).toEqual({ allowed: true });
  });

  it.each(matrix.filter(([, , ok]) => !ok))('refuses %s → %s and says why', (from, to) => {
    const check = ideaTransition(from, to);
    expect(check.allowed).toBe(false);
    if (check.allowed) return;
    expect(check.message.length).toBeGreaterThan(10);
    const expected =
      from === to
        ? 'same_state'
        : from === 'shipped' || from === 'duplicate'
          ? 'final_state'
          : from === 'declined'
            ? 'declined_only_reopens'
            : to === 'pending_review'
              ? 'not_a_staff_target'
              : 'not_next_step';
    expect(check.reason).toBe(expected);
  });

  it('names the one next step when a step is skipped', () => {
    expect(ideaTransition('open', 'planned')).toMatchObject({
      allowed: false,
      message: expect.stringContaining('under review') as string,
    });
  });

  it('lists the next states for the console', () => {
    expect(nextIdeaStates('planned')).toEqual(['in_progress', 'declined', 'duplicate']);
    expect(nextIdeaStates('shipped')).toEqual([]);
    expect(nextIdeaStates('declined')).toEqual(['open']);
  });
});

describe('open and votable states', () => {
  it.each([
    ['pending_review', true, false],
    ['open', true, true],
    ['under_review', true, true],
    ['planned', true, true],
    ['in_progress', true, true],
    ['shipped', false, false],
    ['declined', false, false],
    ['duplicate', false, false],
  ] as const)('%s: open %s, votable %s', (state, open, votable) => {
    expect(isOpenState(state)).toBe(open);
    expect(isVotable(state)).toBe(votable);
  });
});

describe('flagsReturnToReview', () => {
  it.each([
    ['open', 2, false],
    ['open', 3, true],
    ['open', 7, true],
    ['under_review', 5, false],
    ['pending_review', 5, false],
    ['shipped', 5, false],
  ] as const)('%s idea with %i flags → %s', (state, flags, back) => {
    expect(flagsReturnToReview(state, flags)).toBe(back);
  });
});

describe('quarterStart', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['2026-03-31T23:59:59Z', '2026-01-01T00:00:00.000Z'],
    ['2026-04-01T00:00:00Z', '2026-04-01T00:00:00.000Z'],
    ['2026-08-15T12:00:00Z', '2026-07-01T00:00:00.000Z'],
    ['2026-12-31T23:00:00Z', '2026-10-01T00:00:00.000Z'],
  ])('%s is in the quarter from %s', (at, start) => {
    expect(quarterStart(new Date(at)).toISOString()).toBe(start);
  });
});

describe('cappedBonus', () => {
  it.each([
    [250, 0, 3000, 250],
    [250, 2900, 3000, 100],
    [250, 3000, 3000, 0],
    [250, 3500, 3000, 0],
    [250, 99_999, null, 250],
  ])('%i points with %i already this quarter under cap %s pays %i', (points, already, cap, paid) => {
    expect(cappedBonus(points, already, cap)).toBe(paid);
  });
});
