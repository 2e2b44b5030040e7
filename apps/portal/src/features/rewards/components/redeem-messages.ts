import { isApiError, type ApiErrorCode } from '@tally/ui';

/** The refusals a member can meet when redeeming or cancelling, in their words; others keep the API's title. */
const MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  REWARD_UNAVAILABLE: 'This reward is no longer available: it may have sold out or its offer has ended.',
  REWARD_LIMIT_REACHED: 'You have already had this reward as many times as one member may.',
  INSUFFICIENT_POINTS: 'You do not have enough available points for this reward.',
  VOUCHER_NOT_ACTIVE:
    'This voucher can no longer be cancelled: it was already used, cancelled or has expired.',
};

export function rewardErrorMessage(error: Error): string {
  if (!isApiError(error)) return error.message || 'Something went wrong. Please try again.';
  return MESSAGES[error.code] ?? (error.detail ? `${error.title}: ${error.detail}` : error.title);
}
