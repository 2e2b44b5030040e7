import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldName, FormState, FormValues } from './use-form.js';

interface FieldBaseProps<V extends FormValues> {
  form: FormState<V>;
  name: FieldName<V>;
  /** Help shown under the label and read out with the input. */
  hint?: ReactNode;
  /** Adds "(optional)" to the label; fields are required unless they say so. */
  optional?: boolean;
}

/** The ids and ARIA wiring every field shares. */
interface FieldParts {
  id: string;
  error: string | undefined;
  label: string;
  hint: ReactNode;
  message: ReactNode;
  aria: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
}

function useFieldParts<V extends FormValues>({ form, name, hint }: FieldBaseProps<V>): FieldParts {
  const id = form.fieldId(name);
  const error = form.errors[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    id,
    error,
    label: form.labels[name],
    hint: hint ? (
      <p id={hintId} className="tally-field__hint">
        {hint}
      </p>
    ) : null,
    message: error ? (
      <p id={errorId} className="tally-field__error">
        <span className="tally-visually-hidden">Error: </span>
        {error}
      </p>
    ) : null,
    aria: { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy },
  };
}

function Label({
  htmlFor,
  label,
  optional,
}: {
  htmlFor: string;
  label: string;
  optional?: boolean | undefined;
}) {
  return (
    <label htmlFor={htmlFor} className="tally-field__label">
      {label}
      {optional ? <span className="tally-field__optional"> (optional)</span> : null}
    </label>
  );
}

/** Label, hint and message above the control, in the order a screen reader should meet them. */
function FieldFrame({
  parts,
  optional,
  children,
}: {
  parts: FieldParts;
  optional?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <div className={parts.error ? 'tally-field tally-field--invalid' : 'tally-field'}>
      <Label htmlFor={parts.id} label={parts.label} optional={optional} />
      {parts.hint}
      {parts.message}
      {children}
    </div>
  );
}

export type TextFieldProps<V extends FormValues> = FieldBaseProps<V> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'value' | 'onChange' | 'id'>;

export function TextField<V extends FormValues>({ form, name, hint, optional, ...input }: TextFieldProps<V>) {
  const parts = useFieldParts({ form, name, hint });
  const value = form.values[name];
  return (
    <FieldFrame parts={parts} optional={optional}>
      <input
        type="text"
        {...input}
        id={parts.id}
        name={name}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => form.setValue(name, event.target.value as V[typeof name])}
        required={!optional}
        {...parts.aria}
      />
    </FieldFrame>
  );
}

export type TextAreaFieldProps<V extends FormValues> = FieldBaseProps<V> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name' | 'value' | 'onChange' | 'id'>;

/** Several lines of text (a description, a comment), wired like `TextField`. */
export function TextAreaField<V extends FormValues>({
  form,
  name,
  hint,
  optional,
  ...textarea
}: TextAreaFieldProps<V>) {
  const parts = useFieldParts({ form, name, hint });
  const value = form.values[name];
  return (
    <FieldFrame parts={parts} optional={optional}>
      <textarea
        rows={5}
        {...textarea}
        id={parts.id}
        name={name}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => form.setValue(name, event.target.value as V[typeof name])}
        required={!optional}
        {...parts.aria}
      />
    </FieldFrame>
  );
}

/** A new password: the domain's rule in the hint, and the browser's password manager invited to fill it. */
export function NewPasswordField<V extends FormValues>({
  form,
  name,
}: {
  form: FormState<V>;
  name: FieldName<V>;
}) {
  return (
    <TextField
      form={form}
      name={name}
      type="password"
      autoComplete="new-password"
      hint="At least 10 characters."
    />
  );
}

export type CheckboxFieldProps<V extends FormValues> = FieldBaseProps<V> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'checked' | 'onChange' | 'id' | 'type'>;

export function CheckboxField<V extends FormValues>({ form, name, hint, ...input }: CheckboxFieldProps<V>) {
  const parts = useFieldParts({ form, name, hint });
  return (
    <div className={parts.error ? 'tally-field tally-field--invalid' : 'tally-field'}>
      {parts.message}
      <div className="tally-check">
        <input
          {...input}
          type="checkbox"
          id={parts.id}
          name={name}
          checked={form.values[name] === true}
          onChange={(event) => form.setValue(name, event.target.checked as V[typeof name])}
          {...parts.aria}
        />
        <Label htmlFor={parts.id} label={parts.label} />
      </div>
      {parts.hint}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export type SelectFieldProps<V extends FormValues> = FieldBaseProps<V> & {
  options: readonly Option[];
  /** A first option with an empty value, e.g. "Choose a store". */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'form' | 'name' | 'value' | 'onChange' | 'id'>;

export function SelectField<V extends FormValues>({
  form,
  name,
  hint,
  optional,
  options,
  placeholder,
  ...select
}: SelectFieldProps<V>) {
  const parts = useFieldParts({ form, name, hint });
  const value = form.values[name];
  return (
    <FieldFrame parts={parts} optional={optional}>
      <select
        {...select}
        id={parts.id}
        name={name}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => form.setValue(name, event.target.value as V[typeof name])}
        required={!optional}
        {...parts.aria}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export type CheckboxGroupFieldProps<V extends FormValues> = FieldBaseProps<V> & {
  options: readonly Option[];
  /** Shown instead of the boxes when there is nothing to choose from. */
  emptyText?: ReactNode;
};

/** Several checkboxes for one `string[]` value, in a fieldset whose legend is the field's label. */
export function CheckboxGroupField<V extends FormValues>({
  form,
  name,
  hint,
  optional,
  options,
  emptyText = 'Nothing to choose from.',
}: CheckboxGroupFieldProps<V>) {
  const parts = useFieldParts({ form, name, hint });
  const value = form.values[name];
  const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const toggle = (option: string, checked: boolean) =>
    form.setValue(
      name,
      (checked ? [...selected, option] : selected.filter((v) => v !== option)) as V[typeof name],
    );
  return (
    <fieldset
      id={parts.id}
      tabIndex={-1}
      className={parts.error ? 'tally-fieldset tally-field--invalid' : 'tally-fieldset'}
      aria-describedby={parts.aria['aria-describedby']}
    >
      <legend>
        {parts.label}
        {optional ? <span className="tally-field__optional"> (optional)</span> : null}
      </legend>
      {parts.hint}
      {parts.message}
      {options.length === 0 ? <p className="tally-muted">{emptyText}</p> : null}
      {options.map((option) => {
        const id = `${parts.id}-${option.value}`;
        return (
          <div className="tally-check" key={option.value}>
            <input
              type="checkbox"
              id={id}
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-invalid={parts.aria['aria-invalid']}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
