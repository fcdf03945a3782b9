/**
 * @module What a handler receives for a route that consumes a file: the request body as sent
 * (after the media type and the size ceiling were checked), with its media type.
 */
import { z } from 'zod';

/** A file decoded as strict UTF-8 (imports). */
export const TextUpload = z.object({ mediaType: z.string(), text: z.string() });
export type TextUpload = z.infer<typeof TextUpload>;

/** A file's bytes as sent (evidence). */
export const BinaryUpload = z.object({
  mediaType: z.string(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});
export type BinaryUpload = z.infer<typeof BinaryUpload>;
