import type { Programme } from '../programme/programme.schema.js';
import { CLAIM_WINDOW_DAYS } from './claims.schema.js';

const DAY = 86_400_000;

/**
 * Why a purchase date cannot be claimed, or null when it can. `today` is the calendar date where the
 * store is (`YYYY-MM-DD`), so a purchase made this morning in a store ahead of UTC is not "in the future".
 */
export function claimDateProblem(
  purchasedOn: string,
  today: string,
  windowDays = CLAIM_WINDOW_DAYS,
): string | null {
  const day = Date.parse(`${purchasedOn}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  if (day > now) return 'must not be in the future';
  if (now - day > windowDays * DAY) return `must be within the last ${windowDays} days`;
  return null;
}

/** The programme's base rate on a claimed amount: whole spend units only, as at the till. */
export function basePointsFor(amount: number, programme: Pick<Programme, 'spendUnit' | 'pointsPerUnit'>) {
  return Math.floor(Math.max(0, amount) / programme.spendUnit) * programme.pointsPerUnit;
}

/** The calendar date (`YYYY-MM-DD`) at `now` in a time zone. */
export function calendarDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
