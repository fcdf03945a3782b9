/**
 * Accessibility: axe-core checks every page of the web UI (the features of web/src/app/capabilities.ts, the not-found
 * page, and the sign-in page signed out), signed in as a coordinator (who sees every page), in
 * English and in Arabic (right to left). The decisions page is checked again with its forms
 * open: a party's answer form (with the sector caveats) and the coordinator's proposal form. Any violation of impact "serious" or "critical" fails,
 * named with its rule, its help text and the elements it found.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';
import { webPagePaths } from '../support/web-features.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('axe');
});
after(async () => {
  await site?.close();
});

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it stands; answers one line per serious or critical violation. */
async function blockingViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** A browser context whose UI language is `lang` from the first paint (the choice lives in localStorage). */
async function contextIn(lang: 'en' | 'ar'): Promise<BrowserContext> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => window.localStorage.setItem('truce.language', l), lang);
  return context;
}

/** Waits until the page has settled: no request in flight, no "loading" status left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.restoring, [aria-busy="true"]'));
}

/** A page signed in as `email` (through the API, as the tests above do). */
async function signedIn(context: BrowserContext, email: string): Promise<Page> {
  const signIn = await context.request.post(`${site.server.url}/api/session`, {
    data: { email, password: DEMO_PASSWORD },
  });
  assert.equal(signIn.status(), 200, await signIn.text());
  return context.newPage();
}

for (const lang of ['en', 'ar'] as const) {
  test(`axe (${lang}): the sign-in page, signed out, has no serious or critical violation`, async () => {
    const context = await contextIn(lang);
    try {
      const page = await context.newPage();
      await page.goto(site.server.url);
      await page.getByTestId('sign-in-form').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir || 'ltr'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(await blockingViolations(page), []);
    } finally {
      await context.close();
    }
  });

  test(`axe (${lang}): every page signed in as a coordinator has no serious or critical violation`, async () => {
    const context = await contextIn(lang);
    try {
      const signIn = await context.request.post(`${site.server.url}/api/session`, {
        data: { email: 'coordinator@truce.example', password: DEMO_PASSWORD },
      });
      assert.equal(signIn.status(), 200, await signIn.text());
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of [...webPagePaths(), '/no-such-page']) {
        await page.goto(`${site.server.url}${path}`);
        await page.getByRole('navigation').first().waitFor();
        await settle(page);
        for (const v of await blockingViolations(page)) found.push(`${path}: ${v}`);
      }
      assert.deepEqual(found, []);
    } finally {
      await context.close();
    }
  });
}

for (const lang of ['en', 'ar'] as const) {
  test(`axe (${lang}): the decisions page with a party's answer form and the proposal form open`, async () => {
    const found: string[] = [];
    const party = await contextIn(lang);
    try {
      const page = await signedIn(party, 'observer.il@truce.example');
      await page.goto(`${site.server.url}/decisions`);
      const form = page.getByTestId('answer-form').first();
      await form.waitFor();
      await form.locator('[data-testid="answer-consent_with_conditions"]').check();
      await form.getByTestId('answer-excluded').waitFor();
      await settle(page);
      for (const v of await blockingViolations(page)) found.push(`party: ${v}`);
    } finally {
      await party.close();
    }
    const coordinator = await contextIn(lang);
    try {
      const page = await signedIn(coordinator, 'coordinator@truce.example');
      await page.goto(`${site.server.url}/decisions`);
      await page.getByTestId('decisions-page').waitFor();
      await settle(page);
      await page.locator('details:has([data-testid="propose-form"]) > summary').click();
      await page.getByTestId('propose-form').waitFor();
      for (const v of await blockingViolations(page)) found.push(`coordinator: ${v}`);
    } finally {
      await coordinator.close();
    }
    assert.deepEqual(found, []);
  });
}
