import { ProgrammeSchema, type IdeaRewardSettings } from '@tally/domain';
import { Form, Section, SubmitButton, TextField, formatPoints, useForm } from '@tally/ui';
import { useState } from 'react';
import { useUpdateIdeaBonuses } from '../api/update-idea-bonuses';
import { whole } from '../lib/change-form';

/** The request's own shape: field names are the API's paths, so its field errors land beside the input. */
const IdeasPartSchema = ProgrammeSchema.pick({ ideas: true });

const FIELDS = {
  'ideas.acceptedPoints': 'Accepted bonus (points)',
  'ideas.shippedPoints': 'Shipped bonus (points)',
  'ideas.holdDays': 'Accepted bonus held for (days)',
  'ideas.quarterlyCapPerMember': 'Most bonus points per member per quarter',
} as const;
type Field = keyof typeof FIELDS;
const key = (field: Field) => field.slice('ideas.'.length) as keyof IdeaRewardSettings;

/**
 * The ideas board's author bonuses. Internal settings (not announced with notice): roles with
 * `programme:manage` change them at once; a bonus already recorded keeps its amount.
 */
export function IdeaBonuses({ settings, canManage }: { settings: IdeaRewardSettings; canManage: boolean }) {
  return (
    <Section title="Ideas bonuses">
      <p className="tally-muted">
        Points for members whose ideas are taken up; nothing is paid for posting or voting.
      </p>
      <dl className="programme-settings">
        <div>
          <dt>When an idea is planned</dt>
          <dd>
            {formatPoints(settings.acceptedPoints)} points, pending for {formatPoints(settings.holdDays)} days
            (cancelled if the idea is declined or merged meanwhile)
          </dd>
        </div>
        <div>
          <dt>When an idea ships</dt>
          <dd>{formatPoints(settings.shippedPoints)} points at once</dd>
        </div>
        <div>
          <dt>Cap</dt>
          <dd>
            At most {formatPoints(settings.quarterlyCapPerMember)} bonus points per member per calendar
            quarter
          </dd>
        </div>
      </dl>
      {canManage ? <IdeaBonusesForm settings={settings} /> : null}
    </Section>
  );
}

function IdeaBonusesForm({ settings }: { settings: IdeaRewardSettings }) {
  const update = useUpdateIdeaBonuses();
  const [initialValues] = useState(
    () =>
      Object.fromEntries(
        (Object.keys(FIELDS) as Field[]).map((f) => [f, String(settings[key(f)])]),
      ) as Record<Field, string>,
  );
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues,
    labels: FIELDS,
    schema: IdeasPartSchema,
    // '' and text that is no number fail the schema, which names the field.
    toInput: (values) => ({
      ideas: Object.fromEntries((Object.keys(FIELDS) as Field[]).map((f) => [key(f), whole(values[f])])),
    }),
    onSubmit: ({ ideas }) => update.mutateAsync(ideas),
    onSuccess: () => setDone(true),
  });
  return (
    <Form
      form={form}
      className="tally-form"
      aria-label="Change ideas bonuses"
      onChange={() => setDone(false)}
    >
      <TextField form={form} name="ideas.acceptedPoints" inputMode="numeric" />
      <TextField form={form} name="ideas.shippedPoints" inputMode="numeric" />
      <TextField
        form={form}
        name="ideas.holdDays"
        inputMode="numeric"
        hint="Days the accepted bonus stays pending; 0 = available at once."
      />
      <TextField
        form={form}
        name="ideas.quarterlyCapPerMember"
        inputMode="numeric"
        hint="Per calendar quarter (UTC); beyond it nothing more is paid."
      />
      <SubmitButton pending={form.pending} pendingText="Saving the ideas bonuses…">
        Save ideas bonuses
      </SubmitButton>
      <p role="status" className={done ? 'tally-notice' : undefined}>
        {done
          ? 'Ideas bonuses saved. They apply from now on; bonuses already recorded keep their amount.'
          : ''}
      </p>
    </Form>
  );
}
