import type { ProblemFieldError } from '@tally/domain';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react';
import type { ZodType } from 'zod';
import { isApiError, type ApiErrorCode } from '../api-client.js';
import { issuesToFieldErrors, sortFieldErrors } from './field-errors.js';

/** What an input holds: text (and selects), a checkbox, or a group of checkboxes. */
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;
export type FieldName<V extends FormValues> = keyof V & string;

export interface UseFormOptions<V extends FormValues, Out, Result> {
  initialValues: V;
  /** Each field's label: shown beside it and used to word its messages and the error summary. */
  labels: Readonly<Record<FieldName<V>, string>>;
  /** The request's schema from `@tally/domain`: the same rules the API applies, checked before sending. */
  schema: ZodType<Out>;
  /** Turns what the inputs hold into the request the schema reads (e.g. `''` → `undefined`). */
  toInput: (values: V) => unknown;
  /** Sends the valid request; a rejection with an `ApiError` is shown in the form. */
  onSubmit: (data: Out) => Promise<Result>;
  onSuccess?: (result: Result, data: Out) => void;
  /** Error codes that are about one field, e.g. `{ EMAIL_TAKEN: 'email' }`: the problem's title is shown there. */
  codeFields?: Partial<Record<ApiErrorCode, FieldName<V>>>;
  /** Back to `initialValues` after a success (for forms that create one thing after another). */
  resetOnSuccess?: boolean;
}

export interface FormState<V extends FormValues> {
  values: V;
  labels: Readonly<Record<FieldName<V>, string>>;
  setValue: <K extends FieldName<V>>(name: K, value: V[K]) => void;
  /** The DOM id of a field's input, unique on the page. */
  fieldId: (name: FieldName<V>) => string;
  /** The message to show beside each field with a problem. */
  errors: Partial<Record<FieldName<V>, string>>;
  /** Messages about no single field. */
  otherErrors: string[];
  /** What the server (or the network) answered when the last submit failed. */
  failure: Error | undefined;
  /** True while the request is on its way: submit buttons are disabled, a second submit is ignored. */
  pending: boolean;
  /** True after the last submit succeeded, until the next change. */
  succeeded: boolean;
  /** Grows with every failed submit; the error summary takes focus when it changes. */
  failedAttempts: number;
  summaryRef: RefObject<HTMLDivElement | null>;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => void;
  reset: (values?: V) => void;
}

interface Errors {
  fields: Record<string, string>;
  other: string[];
  failure: Error | undefined;
}

const NO_ERRORS: Errors = { fields: {}, other: [], failure: undefined };

/**
 * Form state for a request validated by a zod schema from `@tally/domain`. On submit the schema runs
 * first; its issues and, if the request is sent, the API's problem+json field errors both end up as one
 * message beside the field (`aria-invalid`, `aria-describedby`) and a list in the error summary, which
 * takes focus so a screen reader hears what to fix.
 */
export function useForm<V extends FormValues, Out, Result>(
  options: UseFormOptions<V, Out, Result>,
): FormState<V> {
  const prefix = useId();
  const [values, setValues] = useState<V>(options.initialValues);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [pending, setPending] = useState(false);
  const [succeeded, setSucceeded] = useState(false);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const fieldNames = useMemo(() => Object.keys(options.initialValues), [options.initialValues]);

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  const fail = useCallback(
    (fieldErrors: readonly ProblemFieldError[], failure: Error | undefined) => {
      const sorted = sortFieldErrors(fieldErrors, fieldNames, latest.current.labels);
      setErrors({ ...sorted, failure });
      setFailedAttempts((n) => n + 1);
    },
    [fieldNames],
  );

  const handleSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      // A ref, not state: a second click in the same frame must see the first one at once.
      if (inFlight.current) return;
      const { schema, toInput, onSubmit, onSuccess, codeFields, resetOnSuccess, initialValues } =
        latest.current;
      setSucceeded(false);
      const parsed = schema.safeParse(toInput(values));
      if (!parsed.success) {
        fail(issuesToFieldErrors(parsed.error.issues), undefined);
        return;
      }
      inFlight.current = true;
      setPending(true);
      setErrors(NO_ERRORS);
      onSubmit(parsed.data).then(
        (result) => {
          inFlight.current = false;
          setPending(false);
          setSucceeded(true);
          if (resetOnSuccess) setValues(initialValues);
          onSuccess?.(result, parsed.data);
        },
        (error: unknown) => {
          inFlight.current = false;
          setPending(false);
          const failure = error instanceof Error ? error : new Error(String(error));
          const fieldErrors = isApiError(failure) ? [...failure.errors] : [];
          const codeField = isApiError(failure) ? codeFields?.[failure.code] : undefined;
          if (codeField && isApiError(failure))
            fieldErrors.push({ field: codeField, message: failure.title });
          fail(fieldErrors, failure);
        },
      );
    },
    [values, fail],
  );

  return {
    values,
    labels: options.labels,
    setValue: (name, value) => {
      setValues((current) => ({ ...current, [name]: value }));
      setSucceeded(false);
      // The message was about the old value; the summary keeps its list until the next submit.
      setErrors((current) => {
        if (!(name in current.fields)) return current;
        const { [name]: _fixed, ...fields } = current.fields;
        return { ...current, fields };
      });
    },
    fieldId: (name) => `${prefix}-${name}`,
    errors: errors.fields as Partial<Record<FieldName<V>, string>>,
    otherErrors: errors.other,
    failure: errors.failure,
    pending,
    succeeded,
    failedAttempts,
    summaryRef,
    handleSubmit,
    reset: (next) => {
      setValues(next ?? latest.current.initialValues);
      setErrors(NO_ERRORS);
      setSucceeded(false);
    },
  };
}
