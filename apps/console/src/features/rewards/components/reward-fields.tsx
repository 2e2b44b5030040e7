import { TextField, type FormState, type TextFieldProps } from '@tally/ui';
import { localTimeZone } from '../../../lib/local-date-time';
import type { RewardFormValues } from '../lib/reward-form';

type Props = TextFieldProps<RewardFormValues>;

/** A count: the number keypad on phones and whole steps; the schema still has the last word. */
function WholeNumberField(props: Props) {
  return <TextField type="number" inputMode="numeric" step={1} {...props} />;
}

/** The fields the add and edit forms share; `mode` only changes what an empty start means. */
export function RewardFields({ form, mode }: { form: FormState<RewardFormValues>; mode: 'create' | 'edit' }) {
  const clock = `In your time zone, ${localTimeZone()}.`;
  return (
    <>
      <TextField form={form} name="name" autoComplete="off" />
      <TextField
        form={form}
        name="description"
        autoComplete="off"
        optional
        hint="Members see it with the reward."
      />
      <TextField
        form={form}
        name="imageUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        optional
        hint="A web address starting with https://"
      />
      <WholeNumberField form={form} name="costPoints" min={1} />
      <WholeNumberField
        form={form}
        name="stock"
        min={0}
        optional
        hint="How many vouchers can be issued. Leave empty for unlimited."
      />
      <WholeNumberField
        form={form}
        name="perMemberLimit"
        min={1}
        optional
        hint="How many one member may redeem. Leave empty for no limit."
      />
      <TextField
        form={form}
        name="activeFrom"
        type="datetime-local"
        optional
        hint={mode === 'create' ? `${clock} Leave empty to start now.` : clock}
      />
      <TextField
        form={form}
        name="activeUntil"
        type="datetime-local"
        optional
        hint={`${clock} Leave empty to keep it on offer.`}
      />
      <WholeNumberField
        form={form}
        name="voucherValidDays"
        min={1}
        max={365}
        hint="From 1 to 365: how long a member has to use the voucher after redeeming."
      />
    </>
  );
}
