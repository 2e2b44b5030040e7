import { SetMetadata } from '@nestjs/common';
import { type z } from 'zod';

export const API_DOC = 'tally:api-doc';

export interface ApiDocOptions {
  summary: string;
  description?: string;
  tags?: string[];
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status code → schema of the JSON body. Problem responses are added for every route. */
  responses: Record<number, z.ZodType | null>;
  idempotent?: boolean;
}

/** Describes a route for the OpenAPI document, from the same zod schemas that validate it. */
export const ApiDoc = (options: ApiDocOptions) => SetMetadata(API_DOC, options);
