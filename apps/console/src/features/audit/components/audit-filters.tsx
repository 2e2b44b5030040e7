import { AuditQuerySchema } from '@tally/domain';
import { Form, SelectField, SubmitButton, TextField, useForm } from '@tally/ui';
import { storeOptions, type StoreList } from '../../../lib/stores';
import type { AuditFilters } from '../api/get-audit';

const FilterSchema = AuditQuerySchema.refine((query) => !query.from || !query.to || query.from <= query.to, {
  message: 'must not be before the start date',
  path: ['to'],
});

const EMPTY = { actorId: '', storeId: '', action: '', from: '', to: '' };

/** A `YYYY-MM-DD` day from a date input, as the instant it starts (or ends) in the reader's time zone. */
export function dayBoundary(day: string, end: boolean): string {
  const instant = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  // An unreadable date goes through as typed, so the schema names the field.
  return Number.isNaN(instant.getTime()) ? day : instant.toISOString();
}

export function AuditFiltersForm({
  stores,
  onApply,
}: {
  stores: StoreList;
  onApply: (filters: AuditFilters) => void;
}) {
  const form = useForm({
    initialValues: EMPTY,
    labels: { actorId: 'Actor ID', storeId: 'Store', action: 'Action', from: 'From', to: 'To' },
    schema: FilterSchema,
    toInput: (values) => ({
      actorId: values.actorId.trim() || undefined,
      storeId: values.storeId || undefined,
      action: values.action.trim() || undefined,
      from: values.from ? dayBoundary(values.from, false) : undefined,
      to: values.to ? dayBoundary(values.to, true) : undefined,
    }),
    onSubmit: async ({ cursor: _cursor, limit: _limit, ...filters }) => onApply(filters),
  });
  return (
    <Form form={form} className="tally-form filters" aria-label="Filter the audit log">
      <TextField
        form={form}
        name="actorId"
        autoComplete="off"
        optional
        hint="A staff user’s, member’s or key’s id."
      />
      <SelectField
        form={form}
        name="storeId"
        options={storeOptions(stores)}
        placeholder="All stores"
        optional
      />
      <TextField
        form={form}
        name="action"
        autoComplete="off"
        optional
        hint="e.g. staff.invited, staff.disabled or pos_key.revoked"
      />
      <TextField form={form} name="from" type="date" optional />
      <TextField form={form} name="to" type="date" optional />
      <SubmitButton
        pending={form.pending}
        extra={
          <button
            type="button"
            className="tally-button--secondary"
            onClick={() => {
              form.reset(EMPTY);
              onApply({});
            }}
          >
            Clear filters
          </button>
        }
      >
        Apply filters
      </SubmitButton>
    </Form>
  );
}
