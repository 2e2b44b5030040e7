import type { ProblemFieldError } from '@tally/domain';
import { isApiError, sortFieldErrors } from '@tally/ui';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The till's forms hold lists (receipt lines, returned items), which `useForm` from @tally/ui, built for
 * flat fields, does not. These pieces keep its behaviour and markup: one message beside each field
 * (`aria-invalid`, `aria-describedby`) worded by `sortFieldErrors`, and an error summary that takes
 * focus after each failed submit, with links to the fields.
 */
interface ErrorsState {
  errors: readonly ProblemFieldError[];
  failure: Error | undefined;
  /** Fields edited since the failure: their own message goes; the summary keeps it until the next submit. */
  fixed: ReadonlySet<string>;
  attempt: number;
}

const NONE: ReadonlySet<string> = new Set();

export function useFormErrors() {
  const [state, setState] = useState<ErrorsState>({
    errors: [],
    failure: undefined,
    fixed: NONE,
    attempt: 0,
  });
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.attempt > 0) summaryRef.current?.focus();
  }, [state.attempt]);

  const fail = useCallback((errors: readonly ProblemFieldError[], failure?: Error) => {
    setState((s) => ({ errors, failure, fixed: NONE, attempt: s.attempt + 1 }));
  }, []);
  const clear = useCallback(() => {
    setState((s) => ({ errors: [], failure: undefined, fixed: NONE, attempt: s.attempt }));
  }, []);
  const touch = useCallback((field: string) => {
    setState((s) =>
      s.errors.length === 0 || s.fixed.has(field) ? s : { ...s, fixed: new Set([...s.fixed, field]) },
    );
  }, []);

  return { ...state, summaryRef, fail, clear, touch };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

export interface FieldSpec {
  /** The request's path for the field, e.g. `receipt.lines.1.sku`. */
  name: string;
  label: string;
  /** The input's DOM id, for the summary's link. */
  id: string;
  /** Says which of several alike fields it is, in the summary: "Line 2: ". */
  context?: string;
}

export interface SortedFormErrors {
  /** The message to show beside a field, if any. */
  inline: (name: string) => string | undefined;
  fields: Record<string, string>;
  other: string[];
}

/** `other` labels name paths that are no field of the form (e.g. `receipt.lines` → "Receipt"). */
export function sortErrors(
  kit: FormErrors,
  fields: readonly FieldSpec[],
  other: Readonly<Record<string, string>> = {},
): SortedFormErrors {
  const labels: Record<string, string> = { ...other };
  for (const field of fields) labels[field.name] = field.label;
  const sorted = sortFieldErrors(
    kit.errors,
    fields.map((field) => field.name),
    labels,
  );
  return {
    inline: (name) => (kit.fixed.has(name) ? undefined : sorted.fields[name]),
    fields: sorted.fields,
    other: sorted.other,
  };
}

export function ErrorSummaryBox({
  kit,
  fields,
  sorted,
  title,
  advice,
}: {
  kit: FormErrors;
  fields: readonly FieldSpec[];
  sorted: SortedFormErrors;
  /** Replaces the problem's title, e.g. with the balance for "Not enough points". */
  title?: string | undefined;
  /** What to do next, e.g. "Press Award points again". */
  advice?: ReactNode;
}) {
  const { failure } = kit;
  const listed = fields.filter((field) => sorted.fields[field.name] !== undefined);
  if (!failure && listed.length === 0 && sorted.other.length === 0) return null;
  const api = failure && isApiError(failure) ? failure : undefined;
  const heading = title ?? (failure ? (api ? api.title : 'Something went wrong') : 'Check the form');
  return (
    <div ref={kit.summaryRef} className="tally-error-summary" role="alert" tabIndex={-1}>
      <h2 className="tally-error-summary__title">{heading}</h2>
      {/* A title of our own already says it better than the server's wording. */}
      {api?.detail && title === undefined ? <p>{api.detail}</p> : null}
      {failure && !api && failure.message ? <p>{failure.message}</p> : null}
      {listed.length + sorted.other.length > 0 ? (
        <ul>
          {listed.map((field) => (
            <li key={field.name}>
              <a
                href={`#${field.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(field.id)?.focus();
                }}
              >
                {field.context ?? ''}
                {sorted.fields[field.name]}
              </a>
            </li>
          ))}
          {sorted.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {advice ? <p>{advice}</p> : null}
      {api?.requestId ? (
        <p className="tally-muted">
          Request ID: <code>{api.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

export interface FieldAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Label, hint and message above the control, as @tally/ui's fields lay them out. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (aria: FieldAria) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'tally-field tally-field--invalid' : 'tally-field'}>
      <label htmlFor={id} className="tally-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="tally-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="tally-field__error">
          <span className="tally-visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
      })}
    </div>
  );
}

/** Advice for a failure the cashier can simply repeat: the same key makes the repeat safe. */
export function retryAdvice(failure: Error | undefined, action: string): string | undefined {
  if (!failure || !isApiError(failure) || !failure.retryable) return undefined;
  return `Press ${action} again: it is sent with the same key, so it can never count twice.`;
}
