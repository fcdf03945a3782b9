/**
 * The built server (`truce serve`, embedded database, demo loaded) in a real Chromium: sign in,
 * see the dashboard with the demo's pledges, switch to Arabic and get a right-to-left layout.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { copyPgliteTemplate } from '../support/db.ts';

let server: ChildServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-e2e-'));
  await copyPgliteTemplate(dataDir, 'migrated');
  server = await startChildServer({ DATA_DIR: dataDir, TRUCE_DEMO: '1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a wrong password shows an error and stays on the sign-in page', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const form = page.getByTestId('sign-in-form');
  await form.waitFor();
  await page.getByLabel(/email/i).fill('admin@truce.example');
  await page.getByLabel(/password/i).fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('sign-in-error').waitFor();
  assert.equal(await page.getByTestId('dashboard').count(), 0);
  await page.close();
});

test('sign in, see the dashboard, switch to Arabic: right-to-left', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel(/email/i).fill('admin@truce.example');
  await page.getByLabel(/password/i).fill('ceasefire-demo-2025');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('dashboard').waitFor();
  const table = page.getByTestId('contributions-table');
  await table.waitFor();
  assert.match(await table.innerText(), /Indonesia/);
  await page.getByTestId('force-chart').waitFor();
  assert.match(await page.getByTestId('user-menu').innerText(), /Demo Administrator/);
  assert.equal(await page.evaluate(() => document.documentElement.dir || 'ltr'), 'ltr');

  await page.getByTestId('language-select').selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  // The page really reads right to left: the navigation sits on the right-hand side.
  const nav = await page.getByRole('navigation').first().boundingBox();
  assert.ok(nav && nav.x > 1280 / 2 - nav.width, `navigation is on the right (x=${nav?.x})`);

  // The choice survives a reload, and the session too (HttpOnly cookie).
  await page.reload();
  await page.getByTestId('dashboard').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByTestId('language-select').selectOption('he');
  await page.waitForFunction(() => document.documentElement.lang === 'he' && document.documentElement.dir === 'rtl');
  await page.getByTestId('language-select').selectOption('fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && document.documentElement.dir === 'ltr');
  await page.close();
});
