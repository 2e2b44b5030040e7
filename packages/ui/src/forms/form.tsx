import type { FormHTMLAttributes, ReactNode } from 'react';
import { isApiError } from '../api-client.js';
import type { FieldName, FormState, FormValues } from './use-form.js';

export type FormProps<V extends FormValues> = {
  form: FormState<V>;
  children: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'>;

/**
 * A form that validates with its schema instead of the browser's bubbles (`noValidate`), with the error
 * summary at its top.
 */
export function Form<V extends FormValues>({ form, children, ...rest }: FormProps<V>) {
  return (
    <form {...rest} noValidate onSubmit={form.handleSubmit} aria-busy={form.pending || undefined}>
      <ErrorSummary form={form} />
      {children}
    </form>
  );
}

/**
 * What went wrong with the last submit: the server's problem (title, detail, request id) and every field
 * message as a link to its field. It takes focus after each failed submit (see `useForm`).
 */
export function ErrorSummary<V extends FormValues>({ form }: { form: FormState<V> }) {
  const fieldErrors = Object.entries(form.errors) as [FieldName<V>, string][];
  const { failure, otherErrors } = form;
  if (!failure && fieldErrors.length === 0 && otherErrors.length === 0) return null;

  const title = failure ? problemTitle(failure) : 'Check the form';
  return (
    <div ref={form.summaryRef} className="tally-error-summary" role="alert" tabIndex={-1}>
      {/* No aria-labelledby: a name taken from the message would make getByLabel('Email') ambiguous. */}
      <h2 className="tally-error-summary__title">{title}</h2>
      {failure && isApiError(failure) && failure.detail ? <p>{failure.detail}</p> : null}
      {fieldErrors.length + otherErrors.length > 0 ? (
        <ul>
          {fieldErrors.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${form.fieldId(name)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(form.fieldId(name))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {failure && isApiError(failure) && failure.requestId ? (
        <p className="tally-muted">
          Request ID: <code>{failure.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

function problemTitle(error: Error): string {
  return isApiError(error) ? error.title : 'Something went wrong';
}

export interface SubmitButtonProps {
  /** The button's name; it stays the same while the request runs, so it can always be found by it. */
  children: ReactNode;
  pending: boolean;
  /** Announced while the request runs, e.g. "Signing in…". */
  pendingText?: string;
  className?: string;
  /** Other buttons beside it, such as "Cancel". */
  extra?: ReactNode;
}

/** Disabled while the request runs, so a double click never sends twice. */
export function SubmitButton({
  children,
  pending,
  pendingText = 'Working…',
  className,
  extra,
}: SubmitButtonProps) {
  return (
    <div className="tally-actions">
      <button type="submit" disabled={pending} className={className}>
        {children}
      </button>
      {extra}
      <span role="status" className="tally-muted">
        {pending ? pendingText : ''}
      </span>
    </div>
  );
}
