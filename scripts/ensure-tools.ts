/**
 * @module Makes sure the tools the tests need are on this machine: Debian's Chromium (browser
 * tests) and PostgreSQL server binaries (the integration suite's second engine). On Debian as
 * root it installs what is missing; elsewhere it says exactly what to install and fails.
 * It never lets a test be skipped for lack of a tool.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${root}/${versions[0]}/bin` : undefined;
}

function missing(): string[] {
  const out: string[] = [];
  if (!fs.existsSync(CHROMIUM)) out.push('chromium');
  if (!postgresBinDir()) out.push('postgresql');
  // Arabic and Hebrew glyphs for the right-to-left browser tests and screenshots.
  if (!fs.existsSync('/usr/share/fonts/truetype/dejavu')) out.push('fonts-dejavu-core');
  return out;
}

export function ensureTools(): void {
  const need = missing();
  if (need.length === 0) return;
  const isDebian = fs.existsSync('/etc/debian_version');
  const isRoot = process.getuid?.() === 0;
  if (!isDebian || !isRoot) {
    throw new Error(
      `the tests need: ${need.join(', ')}. Install them (Debian: apt-get install -y ${need.join(' ')}) and run npm test again.`,
    );
  }
  process.stdout.write(`installing ${need.join(', ')} with apt-get…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...need], { stdio: 'inherit', env });
  const still = missing();
  if (still.length > 0) throw new Error(`apt-get did not provide: ${still.join(', ')}`);
}
