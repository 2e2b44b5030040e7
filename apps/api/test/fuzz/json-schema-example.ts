import { randomUUID } from 'node:crypto';

/** The subset of JSON Schema (draft 2020-12) that `z.toJSONSchema` writes into the OpenAPI document. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/**
 * Values for properties the schema alone cannot make up (real ids, so a request gets past look-ups;
 * an email address): a value, or a function for one that must differ at every use.
 */
export type Hints = Record<string, unknown>;

const hinted = (hints: Hints, name: string): unknown => {
  const hint = hints[name];
  return typeof hint === 'function' ? (hint as () => unknown)() : hint;
};

/** Tried in order against a string's pattern and length; the first, fresh each time, keeps names unique. */
const STRING_CANDIDATES = () => [
  `FUZZ${randomUUID().slice(0, 6).toUpperCase()}`,
  'GBP',
  'TV-ABCD-EFGH',
  'abcdefgh',
  'sample-value',
  'Sample value for a field',
  'a',
  'ABC123',
  '12345678',
  'A1',
  '#336699',
  'https://example.com/x',
];

let instants = 0;

function exampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      // Each later than the last, so a window's end comes after its start.
      return new Date(Date.now() + 40 * 86_400_000 + ++instants * 3_600_000).toISOString();
    case 'date':
      return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    case 'uri':
      return 'https://example.com/hook';
    case 'email':
      return `fuzz-${randomUUID().slice(0, 8)}@example.com`;
    case undefined:
    default:
      break;
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) =>
    s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  const found = STRING_CANDIDATES().find(fits);
  if (found !== undefined) return found;
  return 'x'.repeat(Math.max(min, 1));
}

function exampleNumber(schema: JsonSchema, integer: boolean): number {
  let value = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return integer ? Math.ceil(value) : value;
}

/**
 * A small value that should satisfy the schema: required properties only (optional ones when a hint
 * names them), the first choice of a union, the lowest number allowed. Patterns are met by trying a few
 * common strings; where none fits the value may be invalid, which the fuzz tells apart by parsing.
 */
export function exampleFor(schema: JsonSchema, hints: Hints = {}, depth = 0): unknown {
  if (depth > 12) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const choice = union.find((s) => s.type !== 'null') ?? union[0];
    return choice ? exampleFor(choice, hints, depth + 1) : null;
  }
  if (schema.allOf?.[0]) return exampleFor(schema.allOf[0], hints, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (name in hints) out[name] = hinted(hints, name);
        else if (required.has(name)) out[name] = exampleFor(property, hints, depth + 1);
      }
      return out;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      const item = schema.items ?? {};
      return Array.from({ length: Math.min(count, 3) }, () => exampleFor(item, hints, depth + 1));
    }
    case 'string':
      return exampleString(schema);
    case 'integer':
      return exampleNumber(schema, true);
    case 'number':
      return exampleNumber(schema, false);
    case 'boolean':
      return schema.default ?? false;
    case 'null':
      return null;
    case undefined:
    default:
      return schema.default ?? 'value';
  }
}

/** One place in a value: its path and the schema that describes it there. */
export interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

function resolve(schema: JsonSchema, value: unknown): JsonSchema {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return schema;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return (
    union.find((s) => {
      const type = Array.isArray(s.type) ? s.type : [s.type];
      return (
        type.includes(kind === 'number' && Number.isInteger(value) ? 'integer' : kind) || type.includes(kind)
      );
    }) ??
    union[0] ??
    schema
  );
}

/** Every property and array item of an example, each with its schema (objects and arrays included). */
export function leavesOf(schema: JsonSchema, value: unknown, path: (string | number)[] = []): Leaf[] {
  const here = resolve(schema, value);
  const leaves: Leaf[] = path.length > 0 ? [{ path, schema: here }] : [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves.push(...leavesOf(here.items ?? {}, item, [...path, index])));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      leaves.push(...leavesOf(here.properties?.[name] ?? {}, item, [...path, name]));
    }
  }
  return leaves;
}

/** A deep copy of `value` with the place at `path` set to `replacement` (or removed, for `undefined`). */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else {
    node[last] = replacement;
  }
  return copy;
}
