/**
 * A newcomer's console is clean (no CSP violation, no failed request, no error) on the sign-in
 * page and after signing in; and two accounts in the same tab never share data: after the
 * coordinator signs out, the observer who signs in next sees none of the coordinator's view,
 * not even while its own data is still loading (issue 10, findings 10 and 11).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Route } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';
import { signInAs } from '../support/server.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('console');
});
after(async () => {
  await site?.close();
});

/** Console errors and CSP violations of a page, from its first script on. */
async function watchConsole(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.columnNumber}`,
      );
    });
  });
  return async () => [
    ...problems,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map(
      (v) => `CSP violation: ${v}`,
    ),
  ];
}

async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Sign-in keeps the path (a shared link lands where it points), so not always the dashboard.
  await page.getByTestId('user-menu').waitFor();
}

/** In-app navigation (no reload: the stores live on). */
const open = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

test("a newcomer's console is clean: the sign-in page, then signing in and opening the pages", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const problems = await watchConsole(page);
  await page.goto(site.server.url);
  await page.getByTestId('sign-in-form').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await problems(), [], 'the sign-in page');
  await signInHere(page, 'coordinator@truce.example');
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('contributions-table').waitFor();
  await open(page, /^monitoring$/i);
  await page.getByTestId('incident-list').waitFor();
  await open(page, /^handover$/i);
  await page.getByTestId('finding-row').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await problems(), [], 'after signing in');
  await context.close();
});

test("signing out and in as another account in the same tab shows none of the first account's data", async () => {
  // What only the coordinator may see: the names of the monitors assigned to incidents.
  const coordinatorApi = await signInAs(site.server.url, 'coordinator@truce.example');
  const incidents = (await coordinatorApi.client.call('listIncidents', { query: { limit: 200 } })).items;
  const names = [...new Set(incidents.map((i) => i.assigneeName).filter((n): n is string => n !== null))];
  assert.ok(names.length > 0, 'the demo assigns incidents to named monitors');

  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.url);
  await signInHere(page, 'coordinator@truce.example');
  await open(page, /^handover$/i);
  await page.getByTestId('finding-row').first().waitFor();
  await open(page, /^monitoring$/i);
  await page.getByTestId('incident-list').waitFor();
  const assignees = await page.getByTestId('incident-assignee').allInnerTexts();
  assert.ok(
    assignees.some((a) => names.includes(a)),
    'the coordinator sees who is assigned',
  );

  await page
    .getByTestId('user-menu')
    .getByRole('button', { name: /sign out/i })
    .click();
  // The observer's own data is held back, so whatever shows meanwhile can only come from memory.
  const held: Route[] = [];
  let holding = true;
  await page.route(/\/api\/(incidents|monitoring\/counts|handover\/|deployments|force\/)/, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  await signInHere(page, 'observer.ps@truce.example');
  assert.match(await page.getByTestId('user-menu').innerText(), /observer|Palestin/i);
  await open(page, /^monitoring$/i);
  await page.waitForTimeout(1000);
  const shown = await page.locator('body').innerText();
  for (const n of names) assert.ok(!shown.includes(n), `the observer's screen shows ${n}`);
  assert.equal(await page.getByTestId('incident-row').count(), 0, 'no incident of the previous account is listed');
  await open(page, /^handover$/i);
  await page.waitForTimeout(1000);
  assert.equal(await page.getByTestId('finding-row').count(), 0, 'no finding of the previous account is listed');

  holding = false;
  for (const r of held.splice(0)) await r.continue();
  // Once its own answers arrive, the observer sees its own view (assignees by organisation only).
  await open(page, /^monitoring$/i);
  await page.getByTestId('incident-row').first().waitFor();
  const own = await page.locator('body').innerText();
  for (const n of names) assert.ok(!own.includes(n), `the observer's own view shows ${n}`);
  await context.close();
});
