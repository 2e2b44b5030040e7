/**
 * The idea state machine, exactly as DESIGN.md gives it:
 *
 *   pending_review → open → under_review → planned → in_progress → shipped
 *
 * plus, from any open state (every state but `shipped`, `declined` and `duplicate`), `declined`
 * (staff may reopen a declined idea → `open`) or `duplicate` (merged into another idea, which takes
 * its votes and followers). Staff move an idea one step along the path at a time; `shipped` and
 * `duplicate` are final.
 *
 * One change is not made by staff: when members' flags reach `IDEA_FLAG_THRESHOLD`, an `open` idea
 * goes back to `pending_review` for moderation (`flagsReturnToReview`).
 */
export const IDEA_STATES = [
  'pending_review',
  'open',
  'under_review',
  'planned',
  'in_progress',
  'shipped',
  'declined',
  'duplicate',
] as const;
export type IdeaStateName = (typeof IDEA_STATES)[number];

/** The forward path; each state's one next step. */
const NEXT_STEP: Partial<Record<IdeaStateName, IdeaStateName>> = {
  pending_review: 'open',
  open: 'under_review',
  under_review: 'planned',
  planned: 'in_progress',
  in_progress: 'shipped',
};

/** States an idea is finished in (nothing but a reopen of `declined` leaves them). */
export const IDEA_CLOSED_STATES = [
  'shipped',
  'declined',
  'duplicate',
] as const satisfies readonly IdeaStateName[];

/** "Open states" in DESIGN.md's sense: the idea is still alive, so it can be declined or merged. */
export function isOpenState(state: IdeaStateName): boolean {
  return !(IDEA_CLOSED_STATES as readonly IdeaStateName[]).includes(state);
}

/**
 * States in which members may vote, withdraw a vote and see the idea: open and alive. A
 * `pending_review` idea is not public yet (only its author and staff see it).
 */
export const IDEA_VOTABLE_STATES = [
  'open',
  'under_review',
  'planned',
  'in_progress',
] as const satisfies readonly IdeaStateName[];

export function isVotable(state: IdeaStateName): boolean {
  return (IDEA_VOTABLE_STATES as readonly IdeaStateName[]).includes(state);
}

/** Whether members other than the author see the idea (it passed review and was not sent back). */
export function isPublicState(state: IdeaStateName): boolean {
  return state !== 'pending_review';
}

export type IdeaTransitionRefusal =
  'same_state' | 'final_state' | 'declined_only_reopens' | 'not_next_step' | 'not_a_staff_target';

export type IdeaTransitionCheck =
  { allowed: true } | { allowed: false; reason: IdeaTransitionRefusal; message: string };

/** Whether staff may move an idea from `from` to `to`, and in plain words why not. */
export function ideaTransition(from: IdeaStateName, to: IdeaStateName): IdeaTransitionCheck {
  const refuse = (reason: IdeaTransitionRefusal, message: string): IdeaTransitionCheck => ({
    allowed: false,
    reason,
    message,
  });
  if (from === to) return refuse('same_state', `The idea is already ${label(from)}`);
  if (from === 'shipped' || from === 'duplicate')
    return refuse('final_state', `A ${label(from)} idea cannot change state`);
  if (from === 'declined')
    return to === 'open'
      ? { allowed: true }
      : refuse('declined_only_reopens', 'A declined idea can only be reopened (to open)');
  if (to === 'pending_review')
    return refuse('not_a_staff_target', 'Only members’ flags send an idea back to review');
  if (to === 'declined' || to === 'duplicate') return { allowed: true };
  if (NEXT_STEP[from] === to) return { allowed: true };
  return refuse(
    'not_next_step',
    `From ${label(from)} the idea can move on only to ${label(NEXT_STEP[from] ?? from)}, or be declined or merged`,
  );
}

/** The states staff may move an idea to from `from` (for the console's buttons). */
export function nextIdeaStates(from: IdeaStateName): IdeaStateName[] {
  return IDEA_STATES.filter((to) => ideaTransition(from, to).allowed);
}

/** How many distinct members' flags send an `open` idea back to review. */
export const IDEA_FLAG_THRESHOLD = 3;

/**
 * Whether flags send the idea back to `pending_review`: only an `open` idea; later states are
 * already in staff hands, so their flags only put them in the moderation queue.
 */
export function flagsReturnToReview(state: IdeaStateName, flagCount: number): boolean {
  return state === 'open' && flagCount >= IDEA_FLAG_THRESHOLD;
}

/** Submissions per member per rolling hour, and comments per member per rolling hour. */
export const IDEA_SUBMISSIONS_PER_HOUR = 5;
export const IDEA_COMMENTS_PER_HOUR = 20;

/** Trending counts the votes cast in this many days. */
export const IDEA_TRENDING_DAYS = 7;

const LABELS: Record<IdeaStateName, string> = {
  pending_review: 'waiting for review',
  open: 'open',
  under_review: 'under review',
  planned: 'planned',
  in_progress: 'in progress',
  shipped: 'shipped',
  declined: 'declined',
  duplicate: 'merged as a duplicate',
};

/** The state in plain words, for members ("under review"). */
export function ideaStateLabel(state: IdeaStateName): string {
  return LABELS[state];
}
const label = ideaStateLabel;

/** The first day (UTC) of the calendar quarter containing `at`: the idea-reward cap's period. */
export function quarterStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3) * 3, 1));
}

/**
 * How much of a bonus is paid under the quarterly cap: what fits between what the member already
 * got this quarter and the cap (never negative). `cap` null: no cap.
 */
export function cappedBonus(points: number, awardedThisQuarter: number, cap: number | null): number {
  if (cap === null) return points;
  return Math.max(0, Math.min(points, cap - awardedThisQuarter));
}
