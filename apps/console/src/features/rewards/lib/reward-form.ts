import type { Reward } from '@tally/domain';
import { isoToLocalInput, localInputToIso } from '../../../lib/local-date-time';

/**
 * What the add and edit forms hold (text, as the inputs do) and how it becomes a request body for the
 * domain's `CreateRewardSchema` / `UpdateRewardSchema` to check.
 */
export type RewardFormValues = {
  name: string;
  description: string;
  imageUrl: string;
  costPoints: string;
  stock: string;
  perMemberLimit: string;
  activeFrom: string;
  activeUntil: string;
  voucherValidDays: string;
};

export const REWARD_LABELS: Record<keyof RewardFormValues, string> = {
  name: 'Reward name',
  description: 'Description',
  imageUrl: 'Image address',
  costPoints: 'Cost in points',
  stock: 'Stock',
  perMemberLimit: 'Limit per member',
  activeFrom: 'On offer from',
  activeUntil: 'On offer until',
  voucherValidDays: 'Voucher valid for (days)',
};

/** The domain's default voucher life, shown in the field rather than applied out of sight. */
const DEFAULT_VOUCHER_DAYS = '30';

export const NEW_REWARD: RewardFormValues = {
  name: '',
  description: '',
  imageUrl: '',
  costPoints: '',
  stock: '',
  perMemberLimit: '',
  activeFrom: '',
  activeUntil: '',
  voucherValidDays: DEFAULT_VOUCHER_DAYS,
};

export function rewardToValues(reward: Reward): RewardFormValues {
  return {
    name: reward.name,
    description: reward.description,
    imageUrl: reward.imageUrl ?? '',
    costPoints: String(reward.costPoints),
    stock: reward.stock === null ? '' : String(reward.stock),
    perMemberLimit: reward.perMemberLimit === null ? '' : String(reward.perMemberLimit),
    activeFrom: isoToLocalInput(reward.activeFrom),
    activeUntil: reward.activeUntil === null ? '' : isoToLocalInput(reward.activeUntil),
    voucherValidDays: String(reward.voucherValidDays),
  };
}

/** `''` → `undefined`; anything else as a number (NaN included), so the schema has the last word. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function toText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The body of `POST /api/v1/rewards`: empty optional fields are left out (no stock = unlimited). */
export function toCreateInput(values: RewardFormValues) {
  return {
    name: values.name,
    description: values.description,
    imageUrl: toText(values.imageUrl),
    costPoints: toNumber(values.costPoints),
    stock: toNumber(values.stock),
    perMemberLimit: toNumber(values.perMemberLimit),
    activeFrom: localInputToIso(values.activeFrom),
    activeUntil: localInputToIso(values.activeUntil),
    voucherValidDays: toNumber(values.voucherValidDays),
  };
}

/**
 * An instant as the edit form should send it: the reward's own value while the input still shows it
 * (the input only has minutes, so re-reading it would drop the seconds), else the input's new time.
 */
function editedInstant(input: string, current: string | null): string | undefined {
  if (current !== null && input === isoToLocalInput(current)) return current;
  return localInputToIso(input);
}

/**
 * The body of `PATCH /api/v1/rewards/:id` from the edit form. Every field is sent, so an emptied
 * optional field is cleared with `null` (stock → unlimited, no limit, no end). An emptied start is left
 * out, keeping the current one: a reward always has a start.
 */
export function toUpdateInput(values: RewardFormValues, reward: Reward) {
  return {
    name: values.name,
    description: values.description,
    imageUrl: toText(values.imageUrl) ?? null,
    costPoints: toNumber(values.costPoints),
    stock: toNumber(values.stock) ?? null,
    perMemberLimit: toNumber(values.perMemberLimit) ?? null,
    activeFrom: editedInstant(values.activeFrom, reward.activeFrom),
    activeUntil: editedInstant(values.activeUntil, reward.activeUntil) ?? null,
    voucherValidDays: toNumber(values.voucherValidDays),
  };
}
