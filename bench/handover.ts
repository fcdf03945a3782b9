/** @module The handover figures of `npm run bench`. */
import type { Bench } from './harness.ts';

export const handoverBenches: Bench[] = [];
