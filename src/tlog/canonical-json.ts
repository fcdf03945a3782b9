/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the byte-exact JSON text that
 * is hashed into the log, so any implementation can recompute a leaf.
 *
 * JCS is ECMAScript's own JSON serialisation (numbers via Number.toString,
 * strings via JSON.stringify) with object keys sorted by UTF-16 code units,
 * which is what Array.prototype.sort does by default. The checks below reject
 * what JSON.stringify would silently change or drop (NaN, Infinity, lone
 * surrogates, functions, class instances, cycles), because a silently altered
 * record would hash to something the author never saw.
 *
 * @module
 */
import { hasLoneSurrogate } from './encoding.ts';
import { TlogError } from './errors.ts';

/** A JSON value; `undefined` object members are omitted, as in JSON.stringify. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

function fail(path: string, why: string): never {
  throw new TlogError('invalid-argument', `canonical JSON at ${path}: ${why}`);
}

function str(value: string, path: string): string {
  if (hasLoneSurrogate(value)) fail(path, 'string contains a lone surrogate');
  return JSON.stringify(value);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function serialize(value: unknown, path: string, stack: Set<object>): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, `${value} is not representable`);
      // ES Number-to-String is exactly the RFC 8785 number format (and prints -0 as 0).
      return String(value);
    case 'string':
      return str(value, path);
    case 'object': {
      if (value === null) return 'null';
      if (stack.has(value)) fail(path, 'cyclic structure');
      stack.add(value);
      let out: string;
      if (Array.isArray(value)) {
        out = `[${value.map((v: unknown, i) => serialize(v, `${path}[${i}]`, stack)).join(',')}]`;
      } else if (isPlainObject(value)) {
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
          .sort()
          .filter((k) => record[k] !== undefined)
          .map((k) => `${str(k, path)}:${serialize(record[k], `${path}.${k}`, stack)}`);
        out = `{${members.join(',')}}`;
      } else {
        fail(path, 'only plain objects and arrays are allowed');
      }
      stack.delete(value);
      return out;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return fail(path, `${typeof value} is not a JSON value`);
  }
}

/** RFC 8785 canonical JSON text of `value`; throws `TlogError('invalid-argument')` on non-JSON input. */
export function canonicalJson(value: JsonValue): string {
  return serialize(value, '$', new Set());
}
