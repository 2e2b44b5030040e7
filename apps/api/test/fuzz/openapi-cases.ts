import { randomUUID } from 'node:crypto';
import { type JsonSchema, type Hints, exampleFor, leavesOf, withValueAt } from './json-schema-example.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation of the OpenAPI document, as the fuzz needs it. */
export interface Operation {
  method: Method;
  /** The OpenAPI path, `{param}` style. */
  path: string;
  permission: string;
  body: JsonSchema | undefined;
  query: { name: string; required: boolean; schema: JsonSchema }[];
  pathParams: string[];
  idempotent: boolean;
}

/** Anything but a GET may write (a preview too, for all the fuzz knows): it is sent only wrong input. */
export const isWrite = (op: Operation) => op.method !== 'get';
export const operationName = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

/** Every operation of the document (paths × methods). */
export function operationsOf(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const parameters = (spec.parameters ?? []) as OpenApiParameter[];
      const body = (spec.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      operations.push({
        method: method as Method,
        path,
        permission: String(spec['x-permission']),
        body,
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      });
    }
  }
  return operations;
}

/** A request the fuzz sends: what is wrong with it, the URL (already encoded) and the raw body. */
export interface FuzzRequest {
  label: string;
  url: string;
  contentType?: string;
  body?: string | Buffer;
  /** Headers over the baseline's; `null` leaves one out. */
  headers?: Record<string, string | null>;
  /** The JSON value of the body, when it is JSON (to tell whether the schema accepts it). */
  value?: unknown;
  /** Query values as sent, decoded (to tell whether the schema accepts them). */
  query?: Record<string, string | string[]>;
  /** Wrong whatever the schema says (malformed, a path that names nothing, a bad header). */
  malformed: boolean;
}

/** The parts of a valid-looking request that mutations start from. */
export interface Baseline {
  pathValues: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Percent-encodes every UTF-16 code unit as UTF-8 would, lone surrogates included (as the 3-byte
 * sequences a strict decoder refuses), so any JavaScript string can be put in a URL.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80 && /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(cp))) {
      out += String.fromCharCode(cp);
      continue;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

export function urlOf(op: Operation, pathValues: Record<string, string>, query: string): string {
  const path = op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => pathValues[name] ?? randomUUID());
  return query ? `${path}?${query}` : path;
}

export const queryString = (query: Record<string, string | string[]>) =>
  Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${percentEncode(k)}=${percentEncode(x)}`))
    .join('&');

/** Where JSON.stringify cannot write the value (numbers beyond a double), a marker is replaced by raw text. */
const RAW = '@@raw@@';
export const rawNumber = (text: string) => `${RAW}${text}${RAW}`;
export function toJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/"@@raw@@([-+.\deE]*)@@raw@@"/g, '$1');
}

export const NUL_TEXT = 'sku\u0000x';
export const SURROGATE_TEXT = 'bad\ud800';
const nested = (depth: number): unknown => {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Hostile values for one place in a body, by the kind of value the schema wants there. */
function hostileValues(
  schema: JsonSchema,
  once: { nesting: boolean; megabyte: boolean },
): { label: string; value: unknown }[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const common = [
    { label: 'removed', value: undefined },
    { label: 'null', value: null },
    { label: 'NUL character', value: NUL_TEXT },
    { label: 'unpaired surrogate', value: SURROGATE_TEXT },
    ...(once.nesting ? [{ label: 'deep nesting (2,000)', value: nested(2000) }] : []),
  ];
  const byType: Record<string, { label: string; value: unknown }[]> = {
    string: [
      { label: 'a number', value: 42 },
      { label: 'a 10,000-character string', value: 'x'.repeat(10_000) },
      { label: 'an empty string', value: '' },
      ...(once.megabyte ? [{ label: 'a 1 MB string', value: 'x'.repeat(1_000_000) }] : []),
    ],
    integer: [
      { label: 'a fraction', value: 1.5 },
      { label: 'a numeric string', value: '1' },
      { label: 'a huge number', value: rawNumber('1e308') },
      { label: 'beyond a double', value: rawNumber('-123456789012345678901234567890') },
      { label: 'above 2^53', value: rawNumber('9007199254740993') },
      { label: 'above int4', value: 2_147_483_648 },
      { label: 'below zero', value: -1 },
    ],
    number: [
      { label: 'a numeric string', value: '1' },
      { label: 'a huge number', value: rawNumber('1e308') },
      { label: 'minus huge', value: rawNumber('-1e308') },
    ],
    boolean: [{ label: 'a string', value: 'true' }],
    array: [
      { label: 'an object instead of a list', value: { 0: 'a' } },
      { label: 'an empty list', value: [] },
    ],
    object: [{ label: 'a list instead of an object', value: [] }],
  };
  return [...common, ...(byType[type ?? ''] ?? [{ label: 'a number', value: 42 }])];
}

const MALFORMED_BODIES: { label: string; contentType: string; body: string | Buffer }[] = [
  { label: 'truncated JSON', contentType: 'application/json', body: '{"a":' },
  { label: 'a JSON syntax error', contentType: 'application/json', body: '{a:1}' },
  { label: 'trailing garbage after JSON', contentType: 'application/json', body: '{}x' },
  { label: 'an empty JSON body', contentType: 'application/json', body: '' },
  { label: 'a raw NUL byte in JSON', contentType: 'application/json', body: '{"a":"\u0000"}' },
  {
    label: 'invalid UTF-8 in JSON',
    contentType: 'application/json',
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]),
  },
  { label: 'a __proto__ key', contentType: 'application/json', body: '{"__proto__":{"admin":true}}' },
  {
    label: 'a constructor.prototype key',
    contentType: 'application/json',
    body: '{"constructor":{"prototype":{"admin":true}}}',
  },
  {
    label: 'JSON nested 100,000 deep',
    contentType: 'application/json',
    body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  },
  {
    label: 'a body over 1 MB',
    contentType: 'application/json',
    body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
  },
  { label: 'text/plain', contentType: 'text/plain', body: '{}' },
  { label: 'XML', contentType: 'application/xml', body: '<a/>' },
  { label: 'a broken content type', contentType: 'application/json; charset', body: '{"a":' },
  {
    label: 'a charset with JSON in UTF-16',
    contentType: 'application/json; charset=utf-16le',
    body: Buffer.from('{}', 'utf16le'),
  },
  { label: 'multipart without a boundary', contentType: 'multipart/form-data', body: 'x' },
];

const FEW_MALFORMED = new Set(['truncated JSON', 'invalid UTF-8 in JSON', 'XML']);

/** Wrong whole bodies: parsed fine, but not the object the operation wants. */
const WRONG_BODIES: { label: string; value: unknown }[] = [
  { label: 'JSON null', value: null },
  { label: 'a JSON list', value: [] },
  { label: 'a JSON string', value: 'a' },
  { label: 'a JSON number', value: 42 },
  { label: 'JSON true', value: true },
  { label: 'an empty object (fields missing)', value: {} },
  { label: 'a NUL character as the body', value: '\u0000' },
];

const HOSTILE_SEGMENTS: { label: string; raw: string }[] = [
  { label: 'not a UUID', raw: 'x' },
  { label: 'a number', raw: '-1' },
  { label: 'the nil UUID', raw: '00000000-0000-0000-0000-000000000000' },
  { label: 'a NUL character', raw: '%00' },
  { label: 'a NUL inside a UUID', raw: `${randomUUID().slice(0, 35)}%00` },
  { label: 'an unpaired surrogate (%ED%A0%80)', raw: '%ED%A0%80' },
  { label: 'a broken percent escape', raw: '%E0%A4%A' },
  { label: 'an emoji', raw: '%F0%9F%98%80' },
  { label: 'a 10,000-character parameter', raw: 'a'.repeat(10_000) },
  { label: 'SQL', raw: "'%20OR%201%3D1--" },
  { label: 'an encoded slash', raw: '..%2F..%2Fetc' },
];

const HOSTILE_QUERY_VALUES: { label: string; value: string }[] = [
  { label: 'a NUL character', value: '\u0000' },
  { label: 'a NUL inside text', value: 'a\u0000b' },
  { label: 'an unpaired surrogate', value: '\ud800' },
  { label: 'an emoji', value: '😀' },
  { label: 'an empty value', value: '' },
  { label: 'letters', value: 'abc' },
  { label: 'a fraction', value: '1.5' },
  { label: 'below zero', value: '-1' },
  { label: 'a huge number', value: '1e309' },
  { label: 'beyond a double', value: '123456789012345678901234567890' },
  { label: 'a far-past date', value: '0001-01-01' },
  { label: 'a far-future date', value: '275760-09-13T00:00:00.000Z' },
  { label: 'an impossible date', value: '2026-02-31' },
  { label: 'a 10,000-character value', value: 'x'.repeat(10_000) },
];

/** The baseline with one path parameter replaced by `raw` (already percent-encoded): never valid. */
function withPathParam(
  op: Operation,
  baseline: Baseline,
  name: string,
  raw: string,
  label: string,
): FuzzRequest {
  return {
    label,
    url: urlOf(op, { ...baseline.pathValues, [name]: raw }, queryString(baseline.query)),
    ...(op.body
      ? { contentType: 'application/json', body: toJson(baseline.body), value: baseline.body }
      : {}),
    malformed: true,
  };
}

/** The baseline with other query parameters (valid or not, as the schema says). */
function withQuery(
  op: Operation,
  baseline: Baseline,
  query: Record<string, string | string[]>,
  label: string,
): FuzzRequest {
  return { label, url: urlOf(op, baseline.pathValues, queryString(query)), query, malformed: false };
}

/** The baseline with another JSON body (valid or not, as the schema says). */
function withBody(op: Operation, baseline: Baseline, value: unknown, label: string): FuzzRequest {
  return {
    label,
    url: urlOf(op, baseline.pathValues, queryString(baseline.query)),
    contentType: 'application/json',
    body: toJson(value),
    value,
    malformed: false,
  };
}

/** The deterministic requests for one operation, the `position`-th of the document. */
export function requestsFor(op: Operation, baseline: Baseline, position: number): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  const baseUrl = urlOf(op, baseline.pathValues, queryString(baseline.query));

  for (const name of op.pathParams) {
    for (const segment of HOSTILE_SEGMENTS)
      requests.push(withPathParam(op, baseline, name, segment.raw, `path ${name}: ${segment.label}`));
  }

  for (const param of op.query) {
    for (const hostile of HOSTILE_QUERY_VALUES) {
      const query = { ...baseline.query, [param.name]: hostile.value };
      requests.push(withQuery(op, baseline, query, `query ${param.name}: ${hostile.label}`));
    }
    const repeated = { ...baseline.query, [param.name]: ['1', '2'] };
    requests.push(withQuery(op, baseline, repeated, `query ${param.name}: given twice`));
  }
  if (op.query.length > 0) {
    requests.push(
      withQuery(op, baseline, { ...baseline.query, notAField: '1' }, 'an unknown query parameter'),
    );
  }
  requests.push({
    label: 'a 64 kB query string',
    url: urlOf(op, baseline.pathValues, `pad=${'x'.repeat(64 * 1024)}`),
    malformed: true,
  });

  if (op.idempotent) {
    const header = (label: string, key: string | null): FuzzRequest => ({
      ...(op.body ? withBody(op, baseline, baseline.body, '') : { url: baseUrl }),
      label: `Idempotency-Key: ${label}`,
      headers: { 'idempotency-key': key },
      malformed: true,
    });
    requests.push(
      header('missing', null),
      header('empty', ''),
      header('too short', 'abc'),
      header('too long', 'k'.repeat(5_000)),
      header('a Latin-1 character', `key-\u00ff-${randomUUID()}`),
      header('a space', `key ${randomUUID()}`),
    );
  }

  // The body parser refuses a malformed body before any route code runs, the same way for every
  // route: each operation gets a few such bodies, and the others in turn (one in four by position).
  const malformed = MALFORMED_BODIES.filter(
    (m, i) => FEW_MALFORMED.has(m.label) || (op.body !== undefined && (i + position) % 4 === 0),
  );
  for (const m of op.method === 'get' ? [] : malformed) {
    requests.push({
      label: `body: ${m.label}`,
      url: baseUrl,
      contentType: m.contentType,
      body: m.body,
      malformed: true,
    });
  }
  if (!op.body) return requests;

  for (const wrong of WRONG_BODIES)
    requests.push(withBody(op, baseline, wrong.value, `body: ${wrong.label}`));
  let firstString = true;
  for (const [index, leaf] of leavesOf(op.body, baseline.body).entries()) {
    const at = leaf.path.join('.');
    const isString = (Array.isArray(leaf.schema.type) ? leaf.schema.type[0] : leaf.schema.type) === 'string';
    // Deep nesting and a 1 MB string go to one place per body: each costs a large request.
    const hostiles = hostileValues(leaf.schema, { nesting: index === 0, megabyte: isString && firstString });
    for (const hostile of hostiles) {
      requests.push(
        withBody(
          op,
          baseline,
          withValueAt(baseline.body, leaf.path, hostile.value),
          `body ${at}: ${hostile.label}`,
        ),
      );
    }
    if (isString) firstString = false;
    if (leaf.schema.type === 'object' || leaf.schema.properties) {
      const extra = withValueAt(baseline.body, [...leaf.path, 'notAField'], 1);
      requests.push(withBody(op, baseline, extra, `body ${at}: an unknown field`));
    }
  }
  if (baseline.body !== null && typeof baseline.body === 'object' && !Array.isArray(baseline.body)) {
    requests.push(withBody(op, baseline, { ...baseline.body, notAField: 1 }, 'body: an unknown field'));
    requests.push(
      withBody(
        op,
        baseline,
        { ...baseline.body, 'not\u0000AField': 'x' },
        'body: an unknown field holding a NUL',
      ),
    );
  }
  return requests;
}

/**
 * One request with a random value put in one place of the baseline, the `where`-th (modulo the
 * number of places): a path parameter or a query parameter gets `text`, a place in the body (or the
 * whole body) gets `value`. Undefined for an operation that takes no input at all.
 */
export function randomRequest(
  op: Operation,
  baseline: Baseline,
  where: number,
  value: unknown,
  text: string,
): FuzzRequest | undefined {
  const leaves = op.body ? leavesOf(op.body, baseline.body) : [];
  const places = op.pathParams.length + op.query.length + leaves.length + (op.body ? 1 : 0);
  if (places === 0) return undefined;
  const at = where % places;
  if (at < op.pathParams.length) {
    const name = op.pathParams[at]!;
    return withPathParam(
      op,
      baseline,
      name,
      percentEncode(text) || 'x',
      `path ${name} = ${JSON.stringify(text)}`,
    );
  }
  if (at < op.pathParams.length + op.query.length) {
    const name = op.query[at - op.pathParams.length]!.name;
    return withQuery(
      op,
      baseline,
      { ...baseline.query, [name]: text },
      `query ${name} = ${JSON.stringify(text)}`,
    );
  }
  const leaf = leaves[at - op.pathParams.length - op.query.length];
  const body = leaf ? withValueAt(baseline.body, leaf.path, value) : value;
  return withBody(
    op,
    baseline,
    body,
    `body ${leaf ? leaf.path.join('.') : '(whole)'} = ${toJson(value).slice(0, 80)}`,
  );
}

export function baselineFor(op: Operation, hints: Hints, pathValues: Record<string, string>): Baseline {
  const query: Record<string, string> = {};
  for (const param of op.query) {
    if (!param.required) continue;
    const value = exampleFor(param.schema, hints);
    query[param.name] = String(value);
  }
  return {
    pathValues,
    query,
    body: op.body ? exampleFor(op.body, hints) : undefined,
    headers: op.idempotent ? { 'idempotency-key': `fuzz-${randomUUID()}` } : {},
  };
}
