import { CreateRewardSchema } from '@tally/domain';
import { Form, SubmitButton, useForm } from '@tally/ui';
import { useCreateReward } from '../api/create-reward';
import { NEW_REWARD, REWARD_LABELS, toCreateInput } from '../lib/reward-form';
import { RewardFields } from './reward-fields';

export function CreateRewardForm() {
  const create = useCreateReward();
  const form = useForm({
    initialValues: NEW_REWARD,
    labels: REWARD_LABELS,
    schema: CreateRewardSchema,
    toInput: toCreateInput,
    onSubmit: (body) => create.mutateAsync(body),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="tally-form" aria-label="Add reward">
      <RewardFields form={form} mode="create" />
      <SubmitButton pending={form.pending} pendingText="Adding the reward…">
        Add reward
      </SubmitButton>
      {form.succeeded && create.data ? (
        <p role="status" className="tally-notice">
          Reward {create.data.name} added.
        </p>
      ) : null}
    </Form>
  );
}
