/**
 * The verifiable record in a real Chromium: an observer of a party opens the record, sees the
 * signed log's size and key, verifies an entry in the browser (WebCrypto, not the server), and
 * follows one record's history.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('record');
});
after(async () => {
  await site?.close();
});

test('an observer verifies a log entry in the browser and follows a record history', async () => {
  const page = await site.signIn('observer.ps@truce.example');
  // The dashboard offers the day's situation report, readable by a party observer.
  await page.getByTestId('sitrep-date').fill('2026-04-15');
  const href = (await page.getByTestId('sitrep-open').getAttribute('href'))!;
  const sitrep = await page.evaluate(async (u) => (await fetch(u)).text(), href);
  assert.match(sitrep, /^# Situation report, 2026-04-15/);
  await page.goto(`${site.server.url}/record`);
  await page.getByTestId('record').waitFor();
  await page.getByTestId('log-head').waitFor();
  const size = Number(await page.getByTestId('log-size').innerText());
  assert.ok(size > 10, `the demo filled the log (${size} entries)`);
  const vkey = (await (await fetch(`${site.server.url}/log/vkey`)).text()).trim();
  assert.ok((await page.getByTestId('log-head').innerText()).includes(vkey), 'the page shows the log key to compare');

  const table = page.getByTestId('changes-table');
  await table.waitFor();
  const firstRow = table.locator('tbody tr').first();
  const index = (await firstRow.getAttribute('data-testid'))!.replace('change-', '');
  await page.getByTestId(`verify-${index}`).click();
  await page.getByTestId(`verified-${index}`).waitFor({ timeout: 15_000 });

  await firstRow.getByRole('link').first().click();
  await page.waitForURL(/\/record\?kind=/);
  await page.getByText(/History of/).waitFor();
  assert.ok((await table.locator('tbody tr').count()) >= 1);

  // Every record page carries its log entry, verified in the browser: here, an agreement provision.
  await page.goto(`${site.server.url}/compliance`);
  const badge = page.locator('[data-testid^="log-badge-provision-"]').first();
  await badge.waitFor();
  await badge.locator('[data-testid^="verified-"]').waitFor({ timeout: 15_000 });
  assert.match(await badge.innerText(), /Log entry #\d+/);
});
