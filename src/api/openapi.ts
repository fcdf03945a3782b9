/**
 * @module The OpenAPI 3.1 document, generated from the route table (never written by hand).
 */
import { z } from 'zod';
import { routes } from '../contract/routes.ts';
import type { RouteDef } from '../contract/route.ts';
import { Problem } from '../contract/common.ts';
import { EXTRA_OPERATIONS } from './openapi-extras.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(def: RouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', def.params], ['query', def.query]] as const) {
    if (!schema) continue;
    const js = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** Builds the document; `version` is the package version. */
export function buildOpenApi(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, raw] of Object.entries(routes)) {
    const def = raw as RouteDef;
    const op: JsonSchema = {
      operationId: id,
      summary: def.summary,
      tags: [def.tag],
      parameters: parameters(def),
      responses: {
        [String(def.status)]:
          def.status === 204
            ? { description: 'No content' }
            : { description: 'OK', content: { 'application/json': { schema: toSchema(def.response, 'output') } } },
        '400': { description: 'Invalid request: `errors` names each bad field', content: problemContent },
        ...(def.auth === 'account'
          ? { '401': { description: 'Not signed in', content: problemContent }, '403': { description: 'Not allowed', content: problemContent } }
          : {}),
      },
      ...(def.auth === 'account' ? { security: [{ bearer: [] }, { cookie: [] }] } : { security: [] }),
    };
    if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(def.body, 'input') } } };
    (paths[def.path] ??= {})[def.method] = op;
  }
  for (const x of EXTRA_OPERATIONS) {
    (paths[x.path] ??= {})[x.method] = {
      operationId: `${x.method}${x.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: x.summary,
      tags: [x.tag],
      responses: { '200': { description: 'OK', content: { [x.produces]: {} } }, ...(x.public ? {} : { '401': { description: 'Not signed in', content: problemContent } }) },
      ...(x.consumes ? { requestBody: { required: true, content: Object.fromEntries(x.consumes.split(', ').map((t) => [t, {}])) } } : {}),
      security: x.public ? [] : [{ bearer: [] }, { cookie: [] }],
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
        bearer: { type: 'http', scheme: 'bearer', description: 'API token from `truce token create` or POST /api/tokens' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'truce_session', description: 'Browser session; unsafe methods also need x-csrf-token' },
      },
    },
  };
}
