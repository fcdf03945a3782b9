/**
 * @module Must be the first import of main.tsx. zod probes `new Function` when the contract's
 * object schemas are built; the server's CSP (no 'unsafe-eval') blocks it and the browser
 * reports a violation on every load. jitless skips the probe; the UI barely parses anyway.
 */
import { z } from 'zod';

z.config({ jitless: true });
