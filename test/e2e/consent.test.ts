/**
 * Consent in a real Chromium against the built server (embedded database, demo loaded). The demo
 * plans Italy's engineers into Khan Yunis while their admission still awaits Israel's answer, so
 * the coordinator's handover check shows an `unconsented` finding there. Israel's observer sees
 * "awaiting your answer" on the dashboard, follows it to the decision and consents with a
 * condition (a typed caveat excluding Rafah); the coordinator's handover page, never reloaded,
 * drops the finding from its list, its timeline and its map.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('consent');
});
after(async () => {
  await site?.close();
});

const UNCONSENTED_ROW = '[data-testid="finding-row"][data-kind="unconsented"][data-sector="Khan Yunis"]';
const UNCONSENTED_BAR = '[data-testid="timeline-row"][data-sector="Khan Yunis"] [data-testid="finding-unconsented"]';

const count = (page: Page, selector: string) => page.locator(selector).count();

test("a party's observer consents with a sector caveat and the coordinator's handover page follows live", async () => {
  const coordinator = await site.signIn('coordinator@truce.example');
  await coordinator.goto(`${site.server.url}/handover`);
  await coordinator.getByTestId('handover-page').waitFor();
  await coordinator.getByTestId('period-from').fill('2026-01-01');
  await coordinator.getByTestId('period-to').fill('2026-12-31');
  await coordinator.locator(UNCONSENTED_ROW).first().waitFor();
  await coordinator.locator(UNCONSENTED_BAR).first().waitFor({ state: 'attached' });
  // The map on 1 July 2026 (day 181) outlines Khan Yunis, where the engineers lack consent.
  await coordinator.getByTestId('map-day').fill('181');
  await coordinator.waitForFunction(() =>
    /: 1\./.test(document.querySelector('[data-testid="map-unconsented-summary"]')?.textContent ?? ''),
  );

  const observer = await site.signIn('observer.il@truce.example');
  const awaiting = observer.getByTestId('awaiting-you');
  await awaiting.waitFor();
  // First on the dashboard: before the force figures.
  const firstPanel = await observer.locator('[data-testid="dashboard"] section').first().getAttribute('data-testid');
  assert.equal(firstPanel, 'awaiting-you');
  assert.match(await awaiting.innerText(), /Awaiting your answer/);
  await awaiting.getByRole('link', { name: /Italy's engineers/ }).click();
  await observer.getByTestId('decisions-page').waitFor();
  const card = observer.locator('[data-testid="decision"].decision--selected');
  await card.waitFor();
  assert.match(await card.locator('h3').innerText(), /Italy's engineers/);
  assert.equal(await card.getByTestId('decision-state').getAttribute('data-state'), 'pending');
  // Israel's own earlier answer (Egypt, with a caveat) is on the page for everyone asked to see.
  await observer.locator('[data-testid="caveat"]', { hasText: 'Not in sector Rafah' }).first().waitFor();

  await card.getByTestId('answer-consent_with_conditions').check();
  await card.getByTestId('answer-conditions').fill('Engineers only, no crowd control.');
  await card.locator('[data-testid="answer-excluded"] input[data-sector="Rafah"]').check();
  await card.getByRole('button', { name: 'Send answer' }).click();
  const given = card.locator('[data-testid="answer"][data-org="Israel"][data-answer="consent_with_conditions"]');
  await given.waitFor();
  assert.match(await given.innerText(), /Engineers only, no crowd control\./);
  assert.match(await given.getByTestId('caveat').innerText(), /Not in sector Rafah/);
  await observer.waitForFunction(
    () =>
      document
        .querySelector('[data-testid="decision"].decision--selected [data-testid="decision-state"]')
        ?.getAttribute('data-state') === 'adopted',
  );
  if (process.env.TRUCE_E2E_SHOTS)
    await observer.screenshot({ path: `${process.env.TRUCE_E2E_SHOTS}/decisions.png`, fullPage: true });
  // The matrix shows the same answer at a glance.
  await observer
    .locator('[data-testid="matrix-row"] td[data-party="Israel"][data-cell="consent_with_conditions"]')
    .nth(1)
    .waitFor();

  // The coordinator's page was never reloaded: the live stream brings the check up to date.
  await coordinator.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, UNCONSENTED_ROW);
  assert.equal(await count(coordinator, UNCONSENTED_BAR), 0, 'and gone from the timeline');
  await coordinator.waitForFunction(() =>
    /: 0\./.test(document.querySelector('[data-testid="map-unconsented-summary"]')?.textContent ?? ''),
  );

  // Nothing awaits Israel any more: the dashboard's first block is gone.
  await observer.getByTestId('nav-dashboard').click();
  await observer.getByTestId('dashboard').waitFor();
  await observer.getByTestId('contributions-table').waitFor();
  assert.equal(await observer.getByTestId('awaiting-you').count(), 0);
  // And the contributions table says where Italy now stands with Israel.
  await observer
    .locator('[data-testid="standings"] li[data-party="Israel"][data-standing="accepted_with_caveats"]')
    .nth(1)
    .waitFor();
  await observer.close();
  await coordinator.close();
});

test('a coordinator sets a consent rule by finding organisations by name', async () => {
  const page = await site.signIn('coordinator@truce.example');
  await page.goto(`${site.server.url}/decisions`);
  const panel = page.getByTestId('rules-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('Kind of decision').selectOption('milestone');
  await panel.locator('[data-testid="rules-chosen"] li[data-org="Israel"]').waitFor();
  await panel.getByTestId('rules-search').fill('egy');
  await panel.locator('[data-testid="rules-matches"] button[data-org="Egypt"]').click();
  await panel.locator('[data-testid="rules-chosen"] li[data-org="Egypt"]').waitFor();
  await panel.getByLabel('How many must consent').selectOption('1');
  await panel.getByRole('button', { name: 'Save the rule' }).click();
  await panel.getByText('Rule saved.').waitFor();
  await page.waitForFunction(() =>
    /version 2/.test(document.querySelector('[data-testid="rules-current"]')?.textContent ?? ''),
  );
  await page.close();
});
