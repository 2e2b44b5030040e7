import { z } from 'zod';
import { ErrorCode } from './error-codes.js';

export const ProblemFieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `receipt.lines.0.unitPrice`; `''` for the whole body. */
  field: z.string(),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  requestId: z.string().optional(),
  errors: z.array(ProblemFieldErrorSchema).optional(),
  /** INSUFFICIENT_POINTS: the points the member could spend when the request was refused. */
  available: z.number().int().optional(),
  /** INSUFFICIENT_POINTS: the points the request asked for. */
  requested: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Extension members a problem may carry beside the RFC 9457 ones. */
export type ProblemExtensions = Pick<Problem, 'available' | 'requested'>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI of a code: stable, relative to the API's docs. */
export function problemType(code: ErrorCode): string {
  return `/api/docs/errors#${code.toLowerCase().replaceAll('_', '-')}`;
}
