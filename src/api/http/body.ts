/**
 * @module Reading a request body defensively, as the route declares it consumes: JSON, or an
 * uploaded file of a listed media type. A size ceiling is enforced while streaming (not trusting
 * Content-Length), text is strict UTF-8. Each failure is a clear 4xx.
 */
import { invalid, ServiceError } from '../../services/errors.ts';
import { illFormedStrings } from '../../contract/common.ts';
import { MAX_JSON_BODY_BYTES } from '../../contract/enums.ts';
import type { Consumes, Upload } from '../../contract/route.ts';
import type { BinaryUpload, TextUpload } from '../../contract/routes/uploads.ts';

const mediaTypeOf = (req: Request): string =>
  (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The body as the route consumes it: a JSON value, or `{ mediaType, text | bytes }` for an upload. */
export async function readRequestBody(req: Request, consumes: Consumes, maxBytes?: number): Promise<unknown> {
  return consumes.kind === 'json'
    ? readJsonBody(req, MAX_JSON_BODY_BYTES)
    : readUpload(req, maxBytes === undefined ? consumes : { ...consumes, maxBytes });
}

/** An uploaded file: 415 for a type the route does not list, 413 past its ceiling, 400 for bad UTF-8 text. */
export async function readUpload(req: Request, upload: Upload): Promise<TextUpload | BinaryUpload> {
  const mediaType = mediaTypeOf(req);
  if (!upload.mediaTypes.includes(mediaType)) throw new ServiceError(415, 'Unsupported Media Type', upload.unsupported);
  const bytes = await readLimitedBody(
    req,
    upload.maxBytes,
    (max) =>
      new ServiceError(
        413,
        'Content Too Large',
        `${upload.noun} are limited to ${max} bytes${upload.setting ? ` (${upload.setting})` : ''}`,
      ),
  );
  if (upload.kind === 'binary') return { mediaType, bytes };
  try {
    return { mediaType, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new ServiceError(400, 'Invalid request', 'the file is not valid UTF-8', [
      { path: 'file', message: 'not valid UTF-8' },
    ]);
  }
}

/**
 * The whole body, refused as soon as it passes `maxBytes` (declared or streamed) with `tooLarge`'s
 * error (a 413 by default; endpoints may say what their limit is for).
 */
export async function readLimitedBody(
  req: Request,
  maxBytes: number,
  tooLarge: (max: number) => Error = tooLargeBody,
): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (mediaTypeOf(req) !== 'application/json') {
    throw new ServiceError(415, 'Unsupported Media Type', 'send the body as application/json');
  }
  const bytes = await readLimitedBody(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError(400, 'Invalid request', 'the body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ServiceError(400, 'Invalid request', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ServiceError(400, 'Invalid request', `the body is not valid JSON: ${(err as Error).message}`);
  }
  // JSON may spell a lone surrogate ("\ud800") that valid UTF-8 cannot: refuse it, naming the field.
  const illFormed = illFormedStrings(value, 'body');
  if (illFormed.length > 0) throw invalid(illFormed);
  return value;
}

function tooLargeBody(max: number): ServiceError {
  return new ServiceError(413, 'Content Too Large', `the body exceeds ${max} bytes`);
}
