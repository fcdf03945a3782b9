/** @module The compliance endpoints outside the route table (streams, files, exports). */
import type { Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';

export function mountComplianceExtras(_app: Hono<AppEnv>, _deps: Deps): void {}
