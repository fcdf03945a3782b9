/**
 * @module Browser tests' common set-up: the real `truce serve` (embedded database, demo loaded)
 * in a fresh data directory, Debian's Chromium, and signing in as a demo user in its own
 * browser context (so two users can be open side by side).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { copyPgliteTemplate } from './db.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';

export interface DemoSite {
  server: ChildServer;
  browser: Browser;
  /** Opens a new browser context, signs in as `email` and waits for the dashboard. */
  signIn(email: string, opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export async function openDemoSite(name: string, env: NodeJS.ProcessEnv = {}): Promise<DemoSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `truce-e2e-${name}-`));
  await copyPgliteTemplate(dataDir, 'migrated'); // skips PGlite's initdb (~13 s of CPU); the server still loads the demo
  const server = await startChildServer({ DATA_DIR: dataDir, TRUCE_DEMO: '1', ...env });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async signIn(email, opts = {}) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('sign-in-form').waitFor();
      await page.getByLabel(/email/i).fill(email);
      await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByTestId('dashboard').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
