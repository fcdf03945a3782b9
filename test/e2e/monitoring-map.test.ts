/**
 * The built server and a real Chromium: a monitor files a report through the form (location
 * picked on the map, then refined by typing), sees it in the list and on the map, and a second
 * browser session (an observer) receives it live without reloading.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('monitoring');
});
after(async () => {
  await site?.close();
});

/** Signs in and opens the monitoring page with its map drawn and its live stream open. */
async function signIn(email: string): Promise<Page> {
  const page = await site.signIn(email);
  await page.goto(`${site.server.url}/monitoring`);
  await page.getByTestId('monitoring-page').waitFor();
  await page.waitForSelector('[data-testid="monitoring-map"] [data-map-ready="true"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="live-status"]')?.className.includes('live--open'),
  );
  return page;
}

const rowCount = (page: Page) => page.getByTestId('incident-row').count();

test('a monitor files a report through the form; a second session sees it arrive live', async () => {
  const observer = await signIn('observer.ps@truce.example');
  const monitor = await signIn('monitor.un@truce.example');
  const before = await rowCount(observer);
  const incidentsBefore = Number(await monitor.getByTestId('count-incidents').innerText());

  await monitor.getByTestId('open-report-form').click();
  const form = monitor.getByTestId('report-form');
  await form.waitFor();
  // Place the point on the map: a click fills the coordinates.
  const map = monitor.getByTestId('monitoring-map');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2, y: box.height / 3 } });
  await monitor.waitForFunction(
    () => document.querySelector<HTMLInputElement>('[data-testid="report-lon"]')?.value !== '',
  );
  // Then set it precisely (Rafah, well inside the mission area) by keyboard.
  await monitor.getByTestId('report-lon').fill('34.25');
  await monitor.getByTestId('report-lat').fill('31.29');
  await monitor.getByLabel('Event type (ACLED)', { exact: true }).selectOption('Explosions/Remote violence');
  await monitor.getByLabel('Sub-event type (ACLED)').selectOption('Air/drone strike');
  await monitor.getByLabel('Source name', { exact: true }).fill('Patrol Delta-1');
  await monitor.getByLabel('What happened').fill('Drone strike on a vehicle near the roundabout, browser test.');
  await monitor.getByLabel(/Evidence/).setInputFiles({
    name: 'crater.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]),
  });
  const t0 = Date.now();
  await monitor.getByTestId('report-submit').click();
  await monitor.getByTestId('report-filed').waitFor();
  assert.match(await monitor.getByTestId('report-filed').innerText(), /Air\/drone strike — Rafah/);

  // The monitor's own list and counts, and the map's server-side clusters include it.
  await monitor.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="count-incidents"]')?.textContent) === n + 1,
    incidentsBefore,
  );
  assert.match(await monitor.getByTestId('incident-list').innerText(), /Air\/drone strike — Rafah/);
  await monitor.waitForFunction(
    (n) =>
      Number(
        document
          .querySelector('[data-testid="monitoring-map"] [data-incident-count]')
          ?.getAttribute('data-incident-count'),
      ) ===
      n + 1,
    incidentsBefore,
  );

  // The observer's page, untouched, receives it live.
  await observer.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="incident-row"]').length === n + 1,
    before,
    { timeout: 5000 },
  );
  assert.ok(Date.now() - t0 < 5000);
  assert.match(await observer.getByTestId('incident-list').innerText(), /Air\/drone strike — Rafah/);

  // The observer opens it: the report is there, its source withheld for a party's observer.
  await observer
    .getByRole('link', { name: /Air\/drone strike — Rafah/ })
    .first()
    .click();
  await observer.getByTestId('incident-detail').waitFor();
  assert.match(await observer.getByTestId('incident-reports').innerText(), /Withheld for your role/);
  assert.equal(await observer.getByTestId('transition-preliminary').count(), 0);

  // The monitor moves it on; the observer's open incident follows live.
  await monitor
    .getByRole('link', { name: /Air\/drone strike — Rafah/ })
    .first()
    .click();
  await monitor.getByTestId('incident-detail').waitFor();
  assert.match(await monitor.getByTestId('incident-reports').innerText(), /Patrol Delta-1/);
  await monitor.getByTestId('incident-rationale').fill('Two independent sources');
  await monitor.getByTestId('transition-preliminary').click();
  await monitor.waitForFunction(
    () => document.querySelector('[data-testid="incident-detail"]')?.getAttribute('data-status') === 'preliminary',
  );
  await observer.waitForFunction(
    () => document.querySelector('[data-testid="incident-detail"]')?.getAttribute('data-status') === 'preliminary',
    undefined,
    { timeout: 5000 },
  );
  assert.match(await observer.getByTestId('incident-timeline').innerText(), /Two independent sources/);
});

test("a party observer sees that an incident is assigned and to which organisation, never the monitor's name", async () => {
  const observer = await signIn('observer.ps@truce.example');
  await observer
    .getByRole('link', { name: /Air\/drone strike — North Gaza/ })
    .first()
    .click();
  await observer.getByTestId('incident-detail').waitFor();
  const seen = await observer.getByTestId('incident-detail').locator('[data-testid="incident-assignee"]').innerText();
  assert.match(seen, /Assigned \(United Nations\)/);
  assert.doesNotMatch(await observer.locator('body').innerText(), /Demo Monitor/);
  const monitor = await signIn('monitor.un@truce.example');
  await monitor
    .getByRole('link', { name: /Air\/drone strike — North Gaza/ })
    .first()
    .click();
  await monitor.getByTestId('incident-detail').waitFor();
  assert.match(
    await monitor.getByTestId('incident-detail').locator('[data-testid="incident-assignee"]').innerText(),
    /Demo Monitor \(UN\)/,
  );
});

test('a monitor splits a report out of an incident and merges it back, from the incident page', async () => {
  const monitor = await signIn('monitor.eu@truce.example');
  await monitor
    .getByRole('link', { name: /Air\/drone strike — North Gaza/ })
    .first()
    .click();
  await monitor.getByTestId('incident-detail').waitFor();
  const original = new URL(monitor.url()).searchParams.get('incident');
  assert.ok(original);
  assert.equal(await monitor.locator('[data-testid="incident-reports"] > li').count(), 2);
  await monitor.getByLabel('Select this report').first().check();
  await monitor.getByTestId('incident-rationale').fill('Two different vehicles');
  await monitor.getByTestId('split').click();
  await monitor.waitForFunction((id) => new URLSearchParams(location.search).get('incident') !== id, original);
  await monitor.waitForFunction(() => document.querySelectorAll('[data-testid="incident-reports"] > li').length === 1);
  assert.match(await monitor.getByTestId('incident-timeline').innerText(), /Split/);

  await monitor.getByTestId('incident-rationale').fill('Same strike after all');
  await monitor.getByLabel('Same event as').selectOption(original);
  await monitor.getByTestId('merge').click();
  await monitor.waitForFunction(() => document.querySelectorAll('[data-testid="incident-reports"] > li').length === 2);
  assert.match(await monitor.getByTestId('incident-timeline').innerText(), /Merged/);
});
