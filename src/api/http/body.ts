/**
 * @module Reading a JSON request body defensively: a size ceiling enforced while streaming
 * (not trusting Content-Length), strict UTF-8, and JSON only. Each failure is a clear 4xx.
 */
import { invalid, ServiceError } from '../../services/errors.ts';
import { illFormedStrings } from '../../contract/common.ts';

/**
 * The whole body, refused as soon as it passes `maxBytes` (declared or streamed) with `tooLarge`'s
 * error (a 413 by default; endpoints may say what their limit is for).
 */
export async function readLimitedBody(req: Request, maxBytes: number, tooLarge: (max: number) => Error = tooLargeBody): Promise<Uint8Array> {
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
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
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
