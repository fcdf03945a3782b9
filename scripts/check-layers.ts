/**
 * @module `npm run check`'s layer check: runs dependency-cruiser with .dependency-cruiser.cjs over
 * every source folder and fails on a layer violation or an import cycle. Through the library
 * rather than the `depcruise` command, whose start-up refuses Node 20 (the library runs on it).
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOTS = ['src', 'web/src', 'bin', 'scripts', 'test', 'bench'];

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const result = await cruise(ROOTS, { ...options, outputType: 'err' }, undefined, {
  tsConfig: extractTSConfig('tsconfig.json'),
});
const output = typeof result.output === 'string' ? result.output : JSON.stringify(result.output);
if (result.exitCode === 0) console.log(`layers: ${ROOTS.join(', ')} follow .dependency-cruiser.cjs`);
else console.error(output);
process.exitCode = result.exitCode === 0 ? 0 : 1;
