/**
 * @module zod as the web bundle sees it: the build aliases every `import … from 'zod'` (the
 * contract's included) to this module, so `jitless` is set before any schema exists. zod
 * probes `new Function` when an object schema is built unless jitless; the server's CSP (no
 * 'unsafe-eval') blocks the probe and the browser reports a violation. Setting it from main.tsx
 * is too late: the contract's chunk is evaluated before the entry module's own code runs.
 * The UI barely parses, so the interpreter is fast enough.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export default z;
