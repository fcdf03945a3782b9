/** @module The `truce` command (bin/truce.js): the program run on this process's arguments and streams. */
import { processIo } from './io.ts';
import { runTruce } from './program.ts';

const code = await runTruce(process.argv.slice(2), processIo());
// A failed run ends at once (an open database or timer must not keep it alive); a successful
// one ends when its work has (serve keeps running).
if (code !== 0) process.exit(code);
