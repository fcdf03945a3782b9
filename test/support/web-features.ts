/**
 * @module The web UI's feature list as Node sees it: read as text (web/src/app/capabilities.ts
 * and each features/<name>/index.ts), because importing it would load the pages, their
 * stylesheets and maps, which only the browser can.
 */
import fs from 'node:fs';
import path from 'node:path';

export const WEB_SRC = path.resolve(import.meta.dirname, '../../web/src');

/** The features in the list, in order. */
export function listedFeatures(): string[] {
  const list = fs.readFileSync(path.join(WEB_SRC, 'app/capabilities.ts'), 'utf8');
  return [...list.matchAll(/features\/(\w+)\/index\.ts/g)].map((m) => m[1]!);
}

/** A feature's definition, as written. */
export function featureSource(name: string): string {
  return fs.readFileSync(path.join(WEB_SRC, `features/${name}/index.ts`), 'utf8');
}

/** Every page's path, in navigation order. */
export function webPagePaths(): string[] {
  return listedFeatures().flatMap((name) => [...featureSource(name).matchAll(/path: '([^']+)'/g)].map((m) => m[1]!));
}
