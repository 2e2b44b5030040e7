import {
  CheckoutRedeemRequestSchema,
  VoucherCodeSchema,
  type MemberSummary,
  type ProblemFieldError,
  type Reward,
} from '@tally/domain';
import { ErrorState, formatPoints, isApiError, issuesToFieldErrors, LoadingState, Section } from '@tally/ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useCheckoutRedeem } from '../api/checkout-redeem';
import { useRewardsOnOffer } from '../api/get-rewards-on-offer';
import { useRedeemVoucher } from '../api/redeem-voucher';
import { newIdempotencyKey } from '../lib/idempotency-key';
import type { CheckoutOutcome } from './checkout-result';
import { ErrorSummaryBox, Field, retryAdvice, sortErrors, useFormErrors, type FieldSpec } from './form-kit';
import type { StoreChoice } from './use-store-choice';

export interface RewardVoucherSectionProps {
  member: MemberSummary;
  store: StoreChoice;
  onOutcome: (outcome: CheckoutOutcome) => void;
}

/** "Reward or voucher": take a voucher the member shows, or redeem a reward from the catalogue for them. */
export function RewardVoucherSection({ member, store, onOutcome }: RewardVoucherSectionProps) {
  return (
    <Section title="Reward or voucher">
      <TakeVoucherForm store={store} onOutcome={onOutcome} />
      <RedeemRewardForm member={member} store={store} onOutcome={onOutcome} />
    </Section>
  );
}

function storeErrors(store: StoreChoice): ProblemFieldError[] {
  return store.required && !store.forRequest
    ? [{ field: 'storeId', message: 'is required: choose the store you are working in' }]
    : [];
}

/** A voucher is used exactly once: the API refuses a second use (409), so no Idempotency-Key is needed. */
function TakeVoucherForm({ store, onOutcome }: Omit<RewardVoucherSectionProps, 'member'>) {
  const take = useRedeemVoucher();
  const kit = useFormErrors();
  const codeId = useId();
  const [code, setCode] = useState('');
  const inFlight = useRef(false);
  const busy = take.isPending;

  const specs: FieldSpec[] = [
    ...(store.required ? [{ name: 'storeId', label: 'Store', id: store.fieldId }] : []),
    { name: 'code', label: 'Voucher code', id: codeId },
  ];
  const sorted = sortErrors(kit, specs);
  const notActive = kit.failure && isApiError(kit.failure) && kit.failure.code === 'VOUCHER_NOT_ACTIVE';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const errors = storeErrors(store);
    const parsed = VoucherCodeSchema.safeParse(code);
    if (code.trim() === '') errors.push({ field: 'code', message: 'is required' });
    else if (!parsed.success)
      errors.push(...parsed.error.issues.map((issue) => ({ field: 'code', message: issue.message })));
    if (!parsed.success || errors.length > 0) {
      kit.fail(errors);
      return;
    }
    kit.clear();
    inFlight.current = true;
    take.mutate(
      { code: parsed.data, ...(store.forRequest ? { storeId: store.forRequest } : {}) },
      {
        onSuccess: (voucher) => {
          setCode('');
          onOutcome({ kind: 'voucher', voucher });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'STORE_REQUIRED') store.force();
          kit.fail(isApiError(error) ? error.errors : [], error);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return (
    <form
      aria-label="Take voucher"
      className="tally-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy || undefined}
    >
      <ErrorSummaryBox
        kit={kit}
        fields={specs}
        sorted={sorted}
        title={
          notActive ? 'This voucher cannot be taken: it is already used, cancelled or expired' : undefined
        }
        advice={retryAdvice(kit.failure, 'Take voucher')}
      />
      <Field
        id={codeId}
        label="Voucher code"
        hint="As printed on the member’s voucher: TV-XXXX-XXXX."
        error={sorted.inline('code')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              kit.touch('code');
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
        )}
      </Field>
      <div className="tally-actions">
        <button type="submit" disabled={busy}>
          Take voucher
        </button>
        <span role="status" className="tally-muted">
          {busy ? 'Taking the voucher…' : ''}
        </span>
      </div>
    </form>
  );
}

function rewardLabel(reward: Reward, available: number): string {
  const cost = `${formatPoints(reward.costPoints)} ${reward.costPoints === 1 ? 'point' : 'points'}`;
  return `${reward.name} — ${cost}${reward.costPoints > available ? ' (not enough points)' : ''}`;
}

/**
 * Spends the member's points on a reward: one Idempotency-Key per redemption, kept for its retries (a
 * repeat after a lost answer is replayed, not redeemed twice) and replaced after success, or when the
 * cashier picks another reward (a different request, which the API would refuse under the old key).
 */
function RedeemRewardForm({ member, store, onOutcome }: RewardVoucherSectionProps) {
  const rewards = useRewardsOnOffer();
  const redeem = useCheckoutRedeem();
  const kit = useFormErrors();
  const rewardId = useId();
  const [chosen, setChosen] = useState('');
  const sent = useRef<{ key: string; body: string } | null>(null);
  const inFlight = useRef(false);
  const busy = redeem.isPending;

  const specs: FieldSpec[] = [
    ...(store.required ? [{ name: 'storeId', label: 'Store', id: store.fieldId }] : []),
    { name: 'rewardId', label: 'Reward', id: rewardId },
  ];
  const sorted = sortErrors(kit, specs, { member: 'Member', 'member.memberId': 'Member' });
  const code = kit.failure && isApiError(kit.failure) ? kit.failure.code : undefined;
  const available = member.balance.available;
  const reward = rewards.data?.find((r) => r.id === chosen);
  const title =
    code === 'INSUFFICIENT_POINTS'
      ? `Not enough points: ${formatPoints(available)} available`
      : code === 'REWARD_UNAVAILABLE'
        ? 'This reward is not available now'
        : code === 'REWARD_LIMIT_REACHED'
          ? 'The member has redeemed this reward as often as it allows'
          : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const errors = storeErrors(store);
    if (chosen === '') errors.push({ field: 'rewardId', message: 'is required: choose a reward' });
    const parsed = CheckoutRedeemRequestSchema.safeParse({
      member: { memberId: member.id },
      ...(store.forRequest ? { storeId: store.forRequest } : {}),
      rewardId: chosen,
    });
    if (!parsed.success && chosen !== '') errors.push(...issuesToFieldErrors(parsed.error.issues));
    if (!parsed.success || errors.length > 0) {
      kit.fail(errors);
      return;
    }
    kit.clear();
    const body = parsed.data;
    const text = JSON.stringify(body);
    if (sent.current?.body !== text) sent.current = { key: newIdempotencyKey(), body: text };
    const idempotencyKey = sent.current.key;
    inFlight.current = true;
    const memberName = member.name;
    const rewardName = reward?.name ?? 'a reward';
    redeem.mutate(
      { idempotencyKey, body },
      {
        onSuccess: (response) => {
          // The next redemption, even of the same reward, is a new action with a key of its own.
          sent.current = null;
          onOutcome({ kind: 'reward', memberName, rewardName, response });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'STORE_REQUIRED') store.force();
          kit.fail(isApiError(error) ? error.errors : [], error);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return (
    <form
      aria-label="Redeem reward"
      className="tally-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy || undefined}
    >
      <ErrorSummaryBox
        kit={kit}
        fields={specs}
        sorted={sorted}
        title={title}
        advice={retryAdvice(kit.failure, 'Redeem reward')}
      />
      {rewards.isError ? (
        <ErrorState
          error={rewards.error}
          onRetry={() => void rewards.refetch()}
          retrying={rewards.isFetching}
        />
      ) : null}
      {rewards.isPending ? <LoadingState>Loading the rewards…</LoadingState> : null}
      <Field
        id={rewardId}
        label="Reward"
        hint={
          <>
            {member.name} has {formatPoints(available)} {available === 1 ? 'point' : 'points'} available
            {reward ? `; ${reward.name} costs ${formatPoints(reward.costPoints)}` : ''}.
          </>
        }
        error={sorted.inline('rewardId')}
      >
        {(aria) => (
          <select
            {...aria}
            value={chosen}
            onChange={(event) => {
              setChosen(event.target.value);
              kit.touch('rewardId');
            }}
            disabled={!rewards.data}
            required
          >
            <option value="">
              {rewards.data?.length === 0 ? 'No rewards on offer now' : 'Choose a reward'}
            </option>
            {(rewards.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {rewardLabel(r, available)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="tally-actions">
        <button type="submit" disabled={busy}>
          Redeem reward
        </button>
        <span role="status" className="tally-muted">
          {busy ? 'Redeeming the reward…' : ''}
        </span>
      </div>
    </form>
  );
}
