/** @module The monitoring figures of `npm run bench`. */
import type { Bench } from './harness.ts';

export const monitoringBenches: Bench[] = [];
