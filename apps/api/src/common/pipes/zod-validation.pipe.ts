import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { ValidationException } from '../exceptions/app.exception.js';

export function zodFieldErrors(error: z.ZodError, prefix: string[] = []) {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses with a domain schema; unknown fields are refused by the schemas themselves (strict objects). */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: string[] = [],
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationException(zodFieldErrors(result.error, prefix));
  return result.data;
}

export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly location: 'body' | 'query' | 'params' = 'body',
  ) {}

  transform(value: unknown): z.output<T> {
    return parseOrThrow(this.schema, value, this.location === 'body' ? [] : [this.location]);
  }
}
