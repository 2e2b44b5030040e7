import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '@tally/domain';
import { z } from 'zod';
import { type ApiDocOptions } from '../../common/decorators/api-doc.decorator.js';

export interface RouteInfo {
  method: string;
  path: string;
  doc: ApiDocOptions | undefined;
  /** The route's declared permission; undefined means the route is refused to everyone. */
  permission: string | undefined;
}

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function queryParameters(schema: z.ZodType): unknown[] {
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: s,
  }));
}

/** OpenAPI 3.1 from the routes' zod schemas: the document cannot drift from what the API validates. */
export function buildOpenApi(routes: RouteInfo[], version: string): Record<string, unknown> {
  const problem = {
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const openApiPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const doc = route.doc;
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(doc?.responses ?? { 200: null })) {
      responses[status] = schema
        ? {
            description: `HTTP ${status}`,
            content: { 'application/json': { schema: toSchema(schema, 'output') } },
          }
        : { description: `HTTP ${status}` };
    }
    responses['4XX'] = { description: 'The request was refused; nothing was written.', ...problem };
    responses['5XX'] = { description: 'A server-side failure.', ...problem };
    const parameters = [
      ...pathParams,
      ...(doc?.query ? queryParameters(doc.query) : []),
      ...(doc?.idempotent
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', minLength: 8, maxLength: 200 },
            },
          ]
        : []),
    ];
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = {
      summary: doc?.summary ?? `${route.method} ${route.path}`,
      ...(doc?.description ? { description: doc.description } : {}),
      tags: doc?.tags ?? [],
      'x-permission': route.permission ?? 'none (refused)',
      ...(route.permission && route.permission !== 'public'
        ? { security: [{ bearer: [] }, { sessionCookie: [] }] }
        : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(doc?.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(doc.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tally API',
      version,
      description:
        'The Tally loyalty platform API. Errors are RFC 9457 problem details with a stable `code`; writes from tills carry an `Idempotency-Key`.',
    },
    paths,
    components: {
      schemas: { Problem: toSchema(ProblemSchema, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A session access token (tat_…) or a POS key (tpk_…)',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'tally_staff_at',
          description: 'Browser sessions (tally_member_at for the portal)',
        },
      },
    },
  };
}
