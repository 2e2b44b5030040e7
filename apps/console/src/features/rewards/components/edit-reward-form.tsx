import { UpdateRewardSchema, type Reward } from '@tally/domain';
import { Form, SubmitButton, useForm } from '@tally/ui';
import { useUpdateReward } from '../api/update-reward';
import { REWARD_LABELS, rewardToValues, toUpdateInput } from '../lib/reward-form';
import { RewardFields } from './reward-fields';

export function EditRewardForm({ reward, onDone }: { reward: Reward; onDone: () => void }) {
  const update = useUpdateReward();
  const form = useForm({
    initialValues: rewardToValues(reward),
    labels: REWARD_LABELS,
    schema: UpdateRewardSchema,
    toInput: (values) => toUpdateInput(values, reward),
    onSubmit: (body) => update.mutateAsync({ id: reward.id, body }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} className="tally-form" aria-label={`Edit ${reward.name}`}>
      <RewardFields form={form} mode="edit" />
      <SubmitButton
        pending={form.pending}
        pendingText="Saving the reward…"
        extra={
          <button type="button" className="tally-button--secondary" onClick={onDone} disabled={form.pending}>
            Cancel
          </button>
        }
      >
        Save reward
      </SubmitButton>
    </Form>
  );
}
