import type { CampaignRule } from '../earn/earn.schema.js';
import type { CampaignAction, CampaignDefinition, CampaignStatus } from './campaign.schema.js';

/**
 * The campaign lifecycle: draft → scheduled → live ⇄ paused → ended. Scheduling a campaign whose start
 * has passed makes it live at once; the jobs start and end campaigns on their dates.
 */
const TRANSITIONS: Record<CampaignAction, Partial<Record<CampaignStatus, CampaignStatus>>> = {
  schedule: { draft: 'scheduled' },
  unschedule: { scheduled: 'draft' },
  pause: { live: 'paused' },
  resume: { paused: 'live' },
  end: { draft: 'ended', scheduled: 'ended', live: 'ended', paused: 'ended' },
};

export function campaignTransition(
  status: CampaignStatus,
  action: CampaignAction,
  definition: CampaignDefinition,
  now: Date,
): CampaignStatus | null {
  const next = TRANSITIONS[action][status] ?? null;
  if (next === 'scheduled' && Date.parse(definition.window.startsAt) <= now.getTime()) return 'live';
  if (next === 'live' && definition.window.endsAt && Date.parse(definition.window.endsAt) <= now.getTime())
    return 'ended';
  return next;
}

/** Edits are allowed until a campaign ends; a live campaign's edits apply to the next sale. */
export const campaignEditable = (status: CampaignStatus): boolean => status !== 'ended';

/** The statuses the scheduler moves a campaign to at `now`, if its dates say so. */
export function scheduledTransition(
  status: CampaignStatus,
  definition: CampaignDefinition,
  now: Date,
): CampaignStatus | null {
  const ended = definition.window.endsAt !== null && Date.parse(definition.window.endsAt) <= now.getTime();
  if ((status === 'scheduled' || status === 'live' || status === 'paused') && ended) return 'ended';
  if (status === 'scheduled' && Date.parse(definition.window.startsAt) <= now.getTime()) return 'live';
  return null;
}

/** The campaign as the earn engine sees it, with what is left of its limits. */
export function toCampaignRule(
  id: string,
  definition: CampaignDefinition,
  remaining: { budget: number | null; member: number | null } = { budget: null, member: null },
): CampaignRule {
  return {
    id,
    name: definition.name,
    window: definition.window,
    audience: definition.audience,
    basket: definition.basket,
    effect: definition.effect,
    stacking: definition.stacking,
    remainingBudget: remaining.budget,
    memberRemaining: remaining.member,
  };
}

/** Whether issuing from this campaign must be serialised (it has a budget or a per-member allowance). */
export const campaignLimited = (definition: CampaignDefinition): boolean =>
  definition.limits.budgetPoints !== null || definition.limits.perMember !== null;

/** The start of the allowance period containing `now` (UTC), or null for "the whole campaign". */
export function allowancePeriodStart(period: 'day' | 'week' | 'month' | 'campaign', now: Date): Date | null {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  switch (period) {
    case 'day':
      return d;
    case 'week': {
      const monday = (d.getUTCDay() + 6) % 7;
      return new Date(d.getTime() - monday * 86_400_000);
    }
    case 'month':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    case 'campaign':
      return null;
  }
}
