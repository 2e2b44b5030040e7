import type { ProblemFieldError } from '@tally/domain';
import type { ZodError } from 'zod';

export interface SortedErrors {
  /** The first message for each form field, keyed by field name. */
  fields: Record<string, string>;
  /** Messages that name no field of this form (a rule about the whole form, an unexpected path). */
  other: string[];
}

/** Zod's issues in the same `{field, message}` shape the API's problem+json uses. */
export function issuesToFieldErrors(issues: ZodError['issues']): ProblemFieldError[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Assigns each error to the form field it is about: `storeIds.2` belongs to `storeIds`. The first
 * message per field wins, as the person fixes one thing at a time.
 */
export function sortFieldErrors(
  errors: readonly ProblemFieldError[],
  fieldNames: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): SortedErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of errors) {
    const name = fieldNames.find((candidate) => field === candidate || field.startsWith(`${candidate}.`));
    if (name === undefined) {
      other.push(field === '' ? capitalise(message) : `${labels[field] ?? field}: ${message}`);
    } else {
      fields[name] ??= fieldMessage(labels[name] ?? name, message);
    }
  }
  return { fields, other };
}

/**
 * The domain's messages are written to follow the field's name ("must be at least 10 characters"), so a
 * message starting in lower case is prefixed with the field's label: "Password must be at least 10 characters".
 */
export function fieldMessage(label: string, message: string): string {
  return /^\p{Ll}/u.test(message) ? `${label} ${message}` : message;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
