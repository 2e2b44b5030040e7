import { ProgrammeChangeRequestSchema, type Programme, type Reward } from '@tally/domain';
import {
  ApiError,
  CheckboxField,
  DateTime,
  Form,
  QueryState,
  Section,
  SelectField,
  SubmitButton,
  TextField,
  formatDateTime,
  isApiError,
  useForm,
} from '@tally/ui';
import { useState } from 'react';
import { localTimeZone } from '../../../lib/local-date-time';
import { useAnnounceProgrammeChange, useRewardPrices } from '../api/programme-changes';
import {
  EXPIRY_NEVER,
  changeFormLabels,
  changeFormValues,
  previewChange,
  priceField,
  tierField,
  toChangeRequest,
} from '../lib/change-form';
import { DifferenceList } from './difference-list';

const REFUND_OPTIONS = [
  { value: 'forgive', label: 'Points already spent are forgiven' },
  { value: 'debt', label: 'Points already spent are owed back' },
];

/**
 * The API words the refusal for any client (`must be on or after 2099-03-31T09:00:00.000Z`); beside the
 * date field it reads better in the reader's clock, with the reason: the notice period.
 */
function withNoticeMessage(error: unknown, noticeDays: number): never {
  if (isApiError(error) && error.code === 'PROGRAMME_NOTICE_TOO_SHORT') {
    throw new ApiError({
      status: error.status,
      code: error.code,
      title: error.title,
      detail: error.detail,
      requestId: error.requestId,
      errors: error.errors.map((e) => {
        const iso = /on or after (\S+)$/.exec(e.message)?.[1];
        return e.field === 'effectiveAt' && iso && !Number.isNaN(Date.parse(iso))
          ? {
              ...e,
              message: `must be on or after ${formatDateTime(iso)}: a change worse for members needs ${noticeDays} days’ notice`,
            }
          : e;
      }),
    });
  }
  throw error;
}

/** For roles with `programme:manage`: the form waits for the reward prices it may also change. */
export function AnnounceChange({ programme }: { programme: Programme }) {
  const rewards = useRewardPrices(true);
  return (
    <Section title="Announce a change">
      <QueryState query={rewards} loading="Loading reward prices…">
        {(list) => (
          <AnnounceChangeForm
            programme={programme}
            rewards={list.filter(
              (r) => !r.archived && (r.activeUntil === null || Date.parse(r.activeUntil) > Date.now()),
            )}
          />
        )}
      </QueryState>
    </Section>
  );
}

function AnnounceChangeForm({ programme, rewards }: { programme: Programme; rewards: Reward[] }) {
  const announce = useAnnounceProgrammeChange();
  const [initialValues] = useState(() => changeFormValues(programme, rewards));
  const [done, setDone] = useState<string | null>(null);
  const toInput = (values: typeof initialValues) => toChangeRequest(values, programme, rewards);
  const form = useForm({
    initialValues,
    labels: changeFormLabels(programme, rewards),
    schema: ProgrammeChangeRequestSchema,
    toInput,
    onSubmit: (request) =>
      announce
        .mutateAsync(request)
        .catch((error: unknown) => withNoticeMessage(error, programme.changeNoticeDays)),
    onSuccess: (change) => {
      form.reset();
      setDone(
        change.status === 'applied'
          ? 'The change is applied: it was effective at once and is not worse for members.'
          : `Change announced for ${formatDateTime(change.effectiveAt)}. Members are told by email.`,
      );
    },
  });
  const request = toInput(form.values);
  const preview = previewChange(request, programme, rewards, new Date());
  const chosen = request.effectiveAt ? Date.parse(request.effectiveAt) : Number.NaN;
  const tooSoon = preview.worse && !Number.isNaN(chosen) && chosen < preview.earliest.getTime();
  const never = form.values[EXPIRY_NEVER] === true;

  return (
    <Form form={form} className="tally-form" aria-label="Announce a change" onChange={() => setDone(null)}>
      <fieldset>
        <legend>Earning</legend>
        <TextField form={form} name="programme.pointsPerUnit" inputMode="numeric" />
        <TextField
          form={form}
          name="programme.spendUnit"
          inputMode="decimal"
          hint={`Members earn the points above for every this much spent, in ${programme.currency}.`}
        />
        <TextField
          form={form}
          name="programme.pendingDays"
          inputMode="numeric"
          hint="Days before earned points can be spent; 0 = at once."
        />
      </fieldset>
      <fieldset>
        <legend>Expiry and refunds</legend>
        <CheckboxField form={form} name={EXPIRY_NEVER} />
        {never ? null : <TextField form={form} name="programme.expiryMonths" inputMode="numeric" />}
        <TextField
          form={form}
          name="programme.inactivityMonths"
          inputMode="numeric"
          hint="Months without earning or spending after which all of a member’s points expire; leave empty for no such rule."
        />
        <SelectField form={form} name="programme.refundPolicy" options={REFUND_OPTIONS} />
      </fieldset>
      {programme.tiers.length > 0 ? (
        <fieldset>
          <legend>Tiers</legend>
          <p className="tally-muted">
            Threshold in qualifying {programme.tierBasis === 'points' ? 'points' : 'spend (minor units)'} over
            12 months; multiplier as a number such as 1.25.
          </p>
          {programme.tiers.map((tier, i) => (
            <div key={tier.id} className="programme-tier-fields">
              <TextField form={form} name={tierField(i, 'threshold')} inputMode="numeric" />
              <TextField form={form} name={tierField(i, 'multiplierBp')} inputMode="decimal" />
            </div>
          ))}
        </fieldset>
      ) : null}
      {rewards.length > 0 ? (
        <fieldset>
          <legend>Reward prices</legend>
          <p className="tally-muted">Change a price only if it changes with the programme.</p>
          {rewards.map((reward) => (
            <TextField key={reward.id} form={form} name={priceField(reward.id)} inputMode="numeric" />
          ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>When</legend>
        <TextField
          form={form}
          name="effectiveAt"
          type="datetime-local"
          hint={`Your local time (${localTimeZone()}).`}
        />
      </fieldset>

      <section aria-label="What changes" className="programme-preview">
        <h3>What changes</h3>
        {!preview.complete ? (
          <p className="tally-muted">Fill in every setting to see what changes.</p>
        ) : preview.differences.length === 0 ? (
          <p className="tally-muted">Nothing members would notice changes yet.</p>
        ) : (
          <>
            <DifferenceList differences={preview.differences} label="Differences" />
            {preview.worse ? (
              <p className="tally-warning" role={tooSoon ? 'alert' : undefined}>
                This change is worse for members: it needs {programme.changeNoticeDays} days’ notice; the
                earliest date is <DateTime value={preview.earliest.toISOString()} />.
              </p>
            ) : (
              <p className="tally-muted">Not worse for members: it may take effect at once.</p>
            )}
          </>
        )}
      </section>

      <SubmitButton pending={form.pending} pendingText="Announcing the change…">
        Announce the change
      </SubmitButton>
      <p role="status" className={done ? 'tally-notice' : undefined}>
        {done ?? ''}
      </p>
    </Form>
  );
}
