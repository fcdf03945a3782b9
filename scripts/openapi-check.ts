/**
 * The committed OpenAPI document (docs/openapi.json) is generated from the route table:
 * `npm run openapi` rewrites it; without `--write` (as part of `npm run check`) this generates
 * it in memory and fails when the committed file differs, so a route change cannot ship with a
 * stale document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApi } from '../src/api/openapi.ts';
import { packageVersion, PROJECT_ROOT } from '../src/server.ts';

const file = path.join(PROJECT_ROOT, 'docs', 'openapi.json');
const generated = `${JSON.stringify(buildOpenApi(packageVersion()), null, 2)}\n`;

if (process.argv.includes('--write')) {
  fs.writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} else {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== generated) {
    console.error(`${path.relative(process.cwd(), file)} is stale: run \`npm run openapi\` and commit the result`);
    process.exit(1);
  }
}
