/**
 * @module The OpenAPI 3.1 document, generated from the route table (never written by hand): every
 * route, with the media types it consumes and produces. `npm run openapi` writes it to
 * docs/openapi.json, and `npm run check` fails when that file is stale (scripts/openapi-check.ts).
 */
import { z } from 'zod';
import { routes } from '../contract/routes.ts';
import { mediaTypeOf, type RouteDef } from '../contract/route.ts';
import { Problem } from '../contract/common.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(def: RouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!schema) continue;
    const js = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** The success answer: JSON by its schema, text as a string, bytes as binary, a stream as events. */
function success(def: RouteDef): JsonSchema {
  const produces = def.produces ?? { kind: 'json' };
  if (def.status === 204) return { description: 'No content' };
  const type = mediaTypeOf(produces);
  switch (produces.kind) {
    case 'json':
      return { description: 'OK', content: { [type]: { schema: toSchema(def.response!, 'output') } } };
    case 'sse':
      return {
        description: 'A stream of events (`ready` first, then one per change; keep-alive comments)',
        content: { [type]: { schema: { type: 'string' } } },
      };
    case 'csv':
    case 'ndjson':
    case 'text':
      return { description: 'OK', content: { [type]: { schema: { type: 'string' } } } };
    case 'binary':
      return { description: 'OK', content: { [type]: { schema: { type: 'string', contentMediaType: type } } } };
  }
}

function requestBody(def: RouteDef): JsonSchema | undefined {
  if (!def.body) return undefined;
  const consumes = def.consumes ?? { kind: 'json' };
  if (consumes.kind === 'json')
    return { required: true, content: { 'application/json': { schema: toSchema(def.body, 'input') } } };
  const schema =
    consumes.kind === 'text'
      ? { type: 'string', maxLength: consumes.maxBytes }
      : { type: 'string', contentMediaType: 'application/octet-stream' };
  return {
    required: true,
    description: `At most ${consumes.maxBytes} bytes (413 beyond); any other media type is a 415`,
    content: Object.fromEntries(consumes.mediaTypes.map((t) => [t, { schema }])),
  };
}

function failures(def: RouteDef): JsonSchema {
  const out: JsonSchema = {};
  if (def.params || def.query || def.body)
    out['400'] = { description: 'Invalid request: `errors` names each bad field', content: problemContent };
  if (def.auth === 'account') {
    out['401'] = { description: 'Not signed in', content: problemContent };
    out['403'] = { description: 'Not allowed', content: problemContent };
  }
  if (def.consumes && def.consumes.kind !== 'json') {
    out['413'] = { description: 'Content Too Large', content: problemContent };
    out['415'] = { description: 'Unsupported Media Type', content: problemContent };
  }
  if (def.produces?.kind === 'sse')
    out['429'] = { description: 'Too many open streams for this account', content: problemContent };
  return out;
}

/** Builds the document; `version` is the package version. */
export function buildOpenApi(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, raw] of Object.entries(routes)) {
    const def = raw as RouteDef;
    const body = requestBody(def);
    (paths[def.path] ??= {})[def.method] = {
      operationId: id,
      summary: def.summary,
      tags: [def.tag],
      parameters: parameters(def),
      ...(body ? { requestBody: body } : {}),
      responses: { [String(def.status)]: success(def), ...failures(def) },
      security: def.auth === 'account' ? [{ bearer: [] }, { cookie: [] }] : [],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version,
      description: 'The shared, verifiable record of a ceasefire and the force that stabilises it.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: toSchema(Problem, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token from `truce token create` or POST /api/tokens',
        },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'truce_session',
          description: 'Browser session; unsafe methods also need x-csrf-token',
        },
      },
    },
  };
}
