import { CheckboxField, TextField, type FormState, type FormValues } from '@tally/ui';

/** The optional details a member gives when joining and edits on their profile. */
export interface MemberDetailValues extends FormValues {
  phone: string;
  birthday: string;
  marketingConsent: boolean;
}

export const MEMBER_DETAIL_LABELS = {
  phone: 'Phone',
  birthday: 'Birthday',
  marketingConsent: 'Keep me posted about offers and news',
} as const;

/** An emptied field is no value at all (`null`), never an empty string. */
export function memberDetailsInput(values: MemberDetailValues) {
  return {
    phone: values.phone.trim() === '' ? null : values.phone,
    birthday: values.birthday === '' ? null : values.birthday,
    marketingConsent: values.marketingConsent,
  };
}

export function MemberDetailsFields<V extends MemberDetailValues>({ form }: { form: FormState<V> }) {
  return (
    <>
      <TextField form={form} name="phone" type="tel" autoComplete="tel" optional />
      <TextField
        form={form}
        name="birthday"
        type="date"
        autoComplete="bday"
        optional
        hint="For a birthday treat."
      />
      <CheckboxField form={form} name="marketingConsent" hint="You can change your mind at any time." />
    </>
  );
}
